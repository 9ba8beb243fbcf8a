namespace SesamTalk.EntityFrameworkCore.Tests.Entities;

/// <summary>A note whose key is a string the app must assign: nothing generates it.</summary>
[SyncsWith("Shop", "Note", Origin = SyncOrigin.Both)]
public partial class Note
{
    [SyncId]
    public string Code { get; set; } = "";

    public string Text { get; set; } = "";
}
