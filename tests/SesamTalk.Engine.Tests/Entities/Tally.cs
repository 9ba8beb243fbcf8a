namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Tallies are created on either side; only the metrics scenario uses them, so its measurements are its own.</summary>
[SyncsWith("Shop", "Tally", Origin = SyncOrigin.Both)]
public partial class Tally
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    public string Code { get; set; } = "";

    public int? Count { get; set; }
}
