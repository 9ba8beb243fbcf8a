namespace SesamTalk.EntityFrameworkCore.Tests.Entities;

/// <summary>A supplier, born on either side, linked by VAT number; its key is a Guid the app assigns.</summary>
[SyncsWith("Shop", "Supplier", Origin = SyncOrigin.Both)]
public partial class Supplier
{
    [SyncId]
    public Guid Id { get; set; }

    [MatchKey]
    public string VatNumber { get; set; } = "";

    public string Name { get; set; } = "";

    public int? PaymentTermDays { get; set; }
}
