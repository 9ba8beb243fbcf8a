namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Everything one cycle of a flow carries from page to page, in one place: what it read at its start, the host
/// change index, the links it claimed, the cursors waiting for a commit, the mass-change breaker's count and how many
/// records it has handled. What a page or unit resolved for its routing (its links, its match candidates and their
/// links, the records it read) is passed along with it instead (<see cref="RemotePage{TEntity}"/>, <see cref="HostMatches"/>,
/// <see cref="RemoteMatches"/>).
/// </summary>
internal sealed class CycleState
{
    /// <param name="start">What the cycle read at its start.</param>
    /// <param name="breaker">The cycle's mass-change breaker.</param>
    /// <param name="hostIndex">The host change index, which the cycle's phases dispose of (it may hold a scratch file).</param>
    /// <param name="startedAt">When the cycle took its lease.</param>
    public CycleState(CycleStart start, MassChangeBreaker breaker, HostChangeIndex hostIndex, DateTimeOffset startedAt)
    {
        Start = start;
        Breaker = breaker;
        HostIndex = hostIndex;
        Cursors = new PendingCursors(startedAt);
    }

    public CycleStart Start { get; }

    public MassChangeBreaker Breaker { get; }

    public HostChangeIndex HostIndex { get; }

    public CycleClaims Claims { get; } = new();

    public PendingCursors Cursors { get; }

    /// <summary>The records decided so far (for progress reports).</summary>
    public int Processed { get; set; }
}
