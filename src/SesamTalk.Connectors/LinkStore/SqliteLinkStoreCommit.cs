using Microsoft.Data.Sqlite;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>Queues a page's changes and applies them in one IMMEDIATE transaction, so no write lock is held while the engine calls remote APIs.</summary>
internal sealed class SqliteLinkStoreCommit : ILinkStoreCommit
{
    private readonly SqliteLinkStore _store;
    private readonly List<Func<SqliteWriter, DateTimeOffset, CancellationToken, Task>> _changes = [];
    private readonly HashSet<string> _completed = new(StringComparer.Ordinal);
    private bool _finished;

    // The link the last queued change saves: fingerprints saved right after it go into its insert.
    private LinkInsert? _lastLink;
    private int _folded;

    public SqliteLinkStoreCommit(SqliteLinkStore store) => _store = store;

    public int Count => _changes.Count + _folded;

    public void SaveLink(SyncLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        new SyncFlowId(link.Entity, link.Target).Validate();
        var insert = new LinkInsert(link);
        Queue((w, _, ct) => SqliteLinkWrites.SaveLinkAsync(w, insert.Link, insert.Fingerprints, ct));
        _lastLink = insert;
    }

    public void SaveFingerprints(SyncFlowId flow, string localId, LinkFingerprints fingerprints)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(localId);
        ArgumentNullException.ThrowIfNull(fingerprints);
        if (_lastLink is { } last && last.Link.LocalId == localId && new SyncFlowId(last.Link.Entity, last.Link.Target) == flow)
        {
            last.Fingerprints = fingerprints;
            _folded++;
            return;
        }

        Queue((w, _, ct) => SqliteLinkWrites.SaveFingerprintsAsync(w, flow, localId, fingerprints, ct));
    }

    public void RemoveLink(SyncFlowId flow, string localId)
    {
        flow.Validate();
        ArgumentException.ThrowIfNullOrEmpty(localId);
        Queue((w, _, ct) => SqliteLinkWrites.UnlinkAsync(w, flow, localId, ct));
    }

    public void SaveCursor(SyncFlowId flow, SyncSide side, string cursor)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(cursor);
        Queue((w, now, ct) => SqliteLinkWrites.SaveCursorAsync(w, flow, side, cursor, now, ct));
    }

    public void CompleteIntent(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        if (_completed.Add(idempotencyKey))
        {
            // Completing an intent twice in one commit is completing it once.
            Queue((w, _, ct) => SqliteLinkWrites.CompleteIntentAsync(w, idempotencyKey, ct));
        }
    }

    public void RecordConflict(ConflictRecord conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        conflict.Flow.Validate();
        Queue((w, _, ct) => SqliteLinkWrites.RecordConflictAsync(w, conflict, ct));
    }

    public void Quarantine(SyncFlowId flow, SyncSide side, string recordId, string errorMessage, string? payload, bool released = false)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(recordId);
        ArgumentNullException.ThrowIfNull(errorMessage);
        Queue((w, now, ct) => SqliteLinkWrites.QuarantineAsync(w, flow, side, recordId, errorMessage, payload, released, now, ct));
    }

    public void ClearQuarantine(SyncFlowId flow, SyncSide side, string recordId)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(recordId);
        Queue((w, _, ct) => SqliteLinkWrites.ClearQuarantineAsync(w, flow, side, recordId, ct));
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        _finished = true;
        var changes = _changes.ToArray();
        _changes.Clear();
        if (changes.Length == 0)
        {
            return;
        }

        await _store.InTransactionAsync(
            async (writer, now, ct) =>
            {
                foreach (var change in changes)
                {
                    await change(writer, now, ct).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _finished = true;
        _changes.Clear();
        _folded = 0;
        return ValueTask.CompletedTask;
    }

    private void Queue(Func<SqliteWriter, DateTimeOffset, CancellationToken, Task> change)
    {
        ThrowIfFinished();
        _changes.Add(change);
        _lastLink = null;
    }

    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException("This link store commit was already committed or disposed; begin a new one.");
        }
    }

    /// <summary>A queued link insert, with the fingerprints saved right after it (read when the commit runs).</summary>
    private sealed class LinkInsert(SyncLink link)
    {
        public SyncLink Link { get; } = link;

        public LinkFingerprints? Fingerprints { get; set; }
    }
}
