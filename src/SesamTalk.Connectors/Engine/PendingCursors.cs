namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Cursors of units that wrote nothing (echoes, unchanged records): they wait for the next commit instead of costing
/// one each, at most a quarter of the lease after the last commit (each commit renews the lease). A crash before then
/// reads those units again, and finds them unchanged again.
/// </summary>
internal sealed class PendingCursors
{
    private readonly Dictionary<SyncSide, string> _cursors = [];

    public PendingCursors(DateTimeOffset lastCommit) => LastCommit = lastCommit;

    /// <summary>When the cycle last committed (or took its lease).</summary>
    public DateTimeOffset LastCommit { get; private set; }

    /// <summary>Whether any cursor waits.</summary>
    public bool Any => _cursors.Count > 0;

    /// <summary>The waiting cursors, by side.</summary>
    public IEnumerable<KeyValuePair<SyncSide, string>> All => _cursors;

    /// <summary>Whether a unit that writes nothing may leave its cursor to the next commit at <paramref name="now"/>.</summary>
    public bool MayWait(DateTimeOffset now, TimeSpan leaseDuration) => now - LastCommit < leaseDuration / 4;

    /// <summary>Sets a side's cursor (a later unit's replaces an earlier one's).</summary>
    public void Set(SyncSide side, string cursor) => _cursors[side] = cursor;

    /// <summary>The waiting cursors were committed at <paramref name="at"/>.</summary>
    public void Committed(DateTimeOffset at)
    {
        _cursors.Clear();
        LastCommit = at;
    }
}
