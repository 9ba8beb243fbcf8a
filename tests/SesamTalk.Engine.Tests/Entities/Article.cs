namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Articles create Exact Online items; the hosting scenarios use them to meet a real OAuth refresh.</summary>
[SyncsWith("ExactOnline", "Items")]
public partial class Article
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    [Field("ExactOnline", "Code")]
    [System.ComponentModel.DataAnnotations.MaxLength(30)]
    public string Code { get; set; } = "";

    [Field("ExactOnline", "Description")]
    [System.ComponentModel.DataAnnotations.MaxLength(60)]
    public string Name { get; set; } = "";
}
