namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Webshop products create Shop products; SKU links pre-existing ones; stock is owned by the Shop.</summary>
[SyncsWith("Shop", "Product")]
public partial class Product
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal? Price { get; set; }

    [Field("Shop", Direction = FieldDirection.FromRemote)]
    public int? Stock { get; set; }

    [Field("Shop", Conflict = ConflictRule.LocalWins)]
    public string? Notes { get; set; }
}
