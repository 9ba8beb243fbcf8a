namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Orders are born on either side with their lines, linked by number; the customer travels as the Shop's customer id.</summary>
[SyncsWith("Shop", "Order", Origin = SyncOrigin.Both)]
public partial class Order
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    public string Number { get; set; } = "";

    [References(typeof(Customer))]
    public string? CustomerId { get; set; }

    public DateOnly OrderDate { get; set; }

    [SyncChildren("Shop", "OrderLine", Field = "Lines")]
    public List<OrderLine> Lines { get; set; } = new();
}

/// <summary>An order line; it syncs only inside its order.</summary>
[SyncsWith("Shop", "OrderLine", Origin = SyncOrigin.None)]
public partial class OrderLine
{
    [SyncId]
    public string Id { get; set; } = "";

    public string Sku { get; set; } = "";

    public decimal Quantity { get; set; }
}
