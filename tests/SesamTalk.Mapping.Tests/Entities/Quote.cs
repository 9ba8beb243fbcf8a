namespace SesamTalk.Mapping.Tests.Entities;

/// <summary>A quote whose lines pair by product code: a line is the line with its code, wherever it stands.</summary>
[SyncsWith("SuperOffice", "QuoteAlternative", Origin = SyncOrigin.Remote)]
public partial class Quote
{
    [SyncId]
    public string Id { get; set; } = "";

    [Field("SuperOffice", "Name")]
    public string Name { get; set; } = "";

    [SyncChildren("SuperOffice", "QuoteLine", Field = "QuoteLines", ParentField = "QuoteAlternativeId", ParentType = "QuoteAlternative")]
    public List<QuoteLine> Lines { get; set; } = [];
}

[SyncsWith("SuperOffice", "QuoteLine", Origin = SyncOrigin.Remote)]
public partial class QuoteLine
{
    /// <summary>The host's own line id: not part of the mapping, so it shows which element a record was applied to.</summary>
    [SyncId]
    public long Id { get; set; }

    [MatchKey]
    [Field("SuperOffice", "Code")]
    public string Code { get; set; } = "";

    [Field("SuperOffice", "Quantity")]
    public decimal Quantity { get; set; }
}
