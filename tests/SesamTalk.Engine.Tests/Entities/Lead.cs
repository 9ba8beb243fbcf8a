namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Leads are born in the Shop and create host leads; the host may already have one with the same e-mail.</summary>
[SyncsWith("Shop", "Lead", Origin = SyncOrigin.Remote)]
public partial class Lead
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    public string Email { get; set; } = "";

    public string Name { get; set; } = "";
}
