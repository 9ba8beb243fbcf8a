namespace SesamTalk.Connectors.Engine;

/// <summary>When each side of a link last changed, as far as the engine knows.</summary>
/// <param name="Local">The host record's change time (its change-feed position), or null when unknown.</param>
/// <param name="Remote">The remote record's modification stamp, or null when unknown.</param>
internal readonly record struct MergeClock(DateTimeOffset? Local, DateTimeOffset? Remote)
{
    /// <summary>The side that changed last, or null when the times are equal or unknown.</summary>
    public SyncSide? Latest =>
        Local is { } local && Remote is { } remote && local != remote ? (local > remote ? SyncSide.Local : SyncSide.Remote) : null;
}
