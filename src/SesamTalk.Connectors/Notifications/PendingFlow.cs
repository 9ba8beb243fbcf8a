using SesamTalk.Connectors.Engine;

namespace SesamTalk.Connectors.Notifications;

/// <summary>
/// What a flow was notified of since its last notified cycle began: when the first notification came (its cycle runs
/// one coalescing window later), the distinct remote ids and host ids apart, at most <see cref="MaxIds"/> in all (past
/// that only "something changed"), whether a notification named no ids, and whether a lost subscription asks for the
/// cycle at once. A batch that named every record it concerns is read by id (<see cref="Targeted"/>).
/// </summary>
internal sealed class PendingFlow(DateTimeOffset since)
{
    /// <summary>The most ids kept per flow; a burst past it is "something changed", which the cycle reads from its cursor anyway.</summary>
    public const int MaxIds = 1000;

    private readonly HashSet<string> _remoteIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hostIds = new(StringComparer.Ordinal);

    /// <summary>When the first notification of this batch arrived.</summary>
    public DateTimeOffset Since { get; } = since;

    /// <summary>How many notifications the batch gathered (before deduplication).</summary>
    public int Notifications { get; private set; }

    /// <summary>The distinct remote ids notified, or empty past <see cref="MaxIds"/>.</summary>
    public IReadOnlyCollection<string> RemoteIds => _remoteIds;

    /// <summary>The distinct host ids notified, or empty past <see cref="MaxIds"/>.</summary>
    public IReadOnlyCollection<string> HostIds => _hostIds;

    /// <summary>Whether more ids came than are kept.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Whether a notification said only that something changed, naming no record.</summary>
    public bool Unnamed { get; private set; }

    /// <summary>Whether the flow runs at once, without the coalescing window: its subscription was lost.</summary>
    public bool AtOnce { get; set; }

    /// <summary>When the flow's cycle is due.</summary>
    public DateTimeOffset DueAt(TimeSpan coalesceWindow) => AtOnce ? Since : Since + coalesceWindow;

    /// <summary>Adds one notification of <paramref name="ids"/> on <paramref name="side"/>; no ids means "something changed".</summary>
    public void Add(SyncSide side, IReadOnlyCollection<string> ids)
    {
        Notifications++;
        Unnamed |= ids.Count == 0;
        if (Overflowed)
        {
            return;
        }

        (side == SyncSide.Remote ? _remoteIds : _hostIds).UnionWith(ids);
        if (_remoteIds.Count + _hostIds.Count > MaxIds)
        {
            _remoteIds.Clear();
            _hostIds.Clear();
            Overflowed = true;
        }
    }

    /// <summary>
    /// The records to read by id, or null with <paramref name="why"/> when only the normal cycle can be trusted with the
    /// batch: a lost subscription, a notification without ids, or more ids than are kept.
    /// </summary>
    public NotifiedRecords? Targeted(out string why)
    {
        why = AtOnce ? "a lost subscription asked for the cycle"
            : Unnamed ? "a notification named no records"
            : Overflowed ? $"more than {MaxIds} records were notified"
            : "";
        return why.Length == 0 ? new NotifiedRecords([.. _remoteIds], [.. _hostIds], Since) : null;
    }
}
