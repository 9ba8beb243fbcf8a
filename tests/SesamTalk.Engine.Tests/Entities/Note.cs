namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Notes have no match key: only the pending-create intent keeps a repeated create from duplicating them.</summary>
[SyncsWith("Shop", "Note", Origin = SyncOrigin.Both)]
public partial class Note
{
    [SyncId]
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";
}
