namespace SesamTalk.Connectors.Notifications;

/// <summary>
/// What a flow was notified of since its last notified cycle began: when the first notification came (its cycle runs
/// one coalescing window later), the distinct ids, at most <see cref="MaxIds"/> (past that only "something changed"), and
/// whether a lost subscription asks for the cycle at once.
/// </summary>
internal sealed class PendingFlow(DateTimeOffset since)
{
    /// <summary>The most ids kept per flow; a burst past it is "something changed", which the cycle reads from its cursor anyway.</summary>
    public const int MaxIds = 1000;

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>When the first notification of this batch arrived.</summary>
    public DateTimeOffset Since { get; } = since;

    /// <summary>How many notifications the batch gathered (before deduplication).</summary>
    public int Notifications { get; private set; }

    /// <summary>The distinct ids notified, or empty when there were more than <see cref="MaxIds"/> or none were named.</summary>
    public IReadOnlyCollection<string> Ids => _ids;

    /// <summary>Whether more ids came than are kept.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Whether the flow runs at once, without the coalescing window: its subscription was lost.</summary>
    public bool AtOnce { get; set; }

    /// <summary>When the flow's cycle is due.</summary>
    public DateTimeOffset DueAt(TimeSpan coalesceWindow) => AtOnce ? Since : Since + coalesceWindow;

    /// <summary>Adds one notification of <paramref name="ids"/>.</summary>
    public void Add(IReadOnlyCollection<string> ids)
    {
        Notifications++;
        if (Overflowed)
        {
            return;
        }

        _ids.UnionWith(ids);
        if (_ids.Count > MaxIds)
        {
            _ids.Clear();
            Overflowed = true;
        }
    }
}
