namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Invoices are born on either side, linked by number, and name their customer.</summary>
[SyncsWith("Shop", "Invoice", Origin = SyncOrigin.Both)]
public partial class Invoice
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    public string Number { get; set; } = "";

    [References(typeof(Customer))]
    public string? CustomerId { get; set; }

    public decimal Amount { get; set; }
}
