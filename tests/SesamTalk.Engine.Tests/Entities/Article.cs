namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Articles and Exact Online items create each other, linked on the item code.</summary>
[SyncsWith("ExactOnline", "Items", Origin = SyncOrigin.Both)]
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
