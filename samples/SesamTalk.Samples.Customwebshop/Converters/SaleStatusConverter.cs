namespace SesamTalk.Samples.Customwebshop.Converters;

/// <summary>
/// SuperOffice's sale status (<c>Open</c>, <c>Sold</c>, <c>Lost</c>, <c>Stalled</c>) versus the webshop's order status:
/// a sold sale is a confirmed order, a lost one a cancelled order, a stalled one still open.
/// </summary>
public sealed class SaleStatusConverter : ISyncValueConverter<OrderStatus, string?>
{
    /// <inheritdoc />
    public string? ToRemote(OrderStatus value) => value switch
    {
        OrderStatus.Open => "Open",
        OrderStatus.Confirmed or OrderStatus.Shipped => "Sold",
        OrderStatus.Cancelled => "Lost",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not an order status."),
    };

    /// <inheritdoc />
    public OrderStatus ToLocal(string? value) => value switch
    {
        null or "" or "Open" or "Stalled" => OrderStatus.Open,
        "Sold" => OrderStatus.Confirmed,
        "Lost" => OrderStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a SuperOffice sale status."),
    };
}
