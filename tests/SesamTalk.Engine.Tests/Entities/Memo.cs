namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Memos are born in the host only and have no match key: only the idempotency key of a create's intent can keep a repeat from duplicating them.</summary>
[SyncsWith("Shop", "Memo")]
public partial class Memo
{
    [SyncId]
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";
}
