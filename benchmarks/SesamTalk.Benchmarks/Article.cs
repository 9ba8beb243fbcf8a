using SesamTalk;

namespace SesamTalk.Benchmarks;

/// <summary>A typical host entity: text, numbers, a flag, a date, a picklist.</summary>
[SyncsWith("Customerp", "Article")]
public partial class Article
{
    [SyncId] public int Id { get; set; }

    [MatchKey] public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public decimal? Price { get; set; }

    public int Stock { get; set; }

    public bool Active { get; set; }

    public DateOnly? ReleasedOn { get; set; }

    public ArticleKind Kind { get; set; }
}

/// <summary>Article kinds as the remote picklist names them.</summary>
public enum ArticleKind
{
    /// <summary>Goods.</summary>
    Goods,

    /// <summary>Services.</summary>
    [PicklistValue("Service work")]
    Service,
}
