namespace SesamTalk.EntityFrameworkCore.Tests.Entities;

/// <summary>An order with its lines; its key is an int the database assigns.</summary>
[SyncsWith("Shop", "Order", Origin = SyncOrigin.Both)]
public partial class Order
{
    [SyncId]
    public int Id { get; set; }

    [MatchKey]
    public string Number { get; set; } = "";

    [SyncChildren("Shop", "OrderLine", Field = "Lines")]
    public List<OrderLine> Lines { get; set; } = [];
}

/// <summary>An order line; it syncs only inside its order, and is stored in its own table.</summary>
[SyncsWith("Shop", "OrderLine", Origin = SyncOrigin.None)]
public partial class OrderLine
{
    [SyncId]
    public int Id { get; set; }

    [SyncIgnore]
    public int OrderId { get; set; }

    public string Sku { get; set; } = "";

    public decimal Quantity { get; set; }
}
