namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// Queues a page's changes and applies them in one IMMEDIATE transaction, so no write lock is held while the engine calls
/// remote APIs. A run of link saves (each with the fingerprints saved right after it), a run of fingerprint updates, and
/// the completed intents each go to the file in one statement, whatever the page's size.
/// </summary>
internal sealed class SqliteLinkStoreCommit : ILinkStoreCommit
{
    private readonly SqliteLinkStore _store;
    private readonly List<Func<SqliteWriter, DateTimeOffset, CancellationToken, Task>> _changes = [];
    private readonly List<string> _completed = [];
    private readonly HashSet<string> _completedKeys = new(StringComparer.Ordinal);
    private List<SqliteLinkBatches.Insert>? _inserts;
    private List<SqliteLinkBatches.Prints>? _prints;
    private int _count;
    private bool _finished;

    public SqliteLinkStoreCommit(SqliteLinkStore store) => _store = store;

    public int Count => _count;

    public void SaveLink(SyncLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        new SyncFlowId(link.Entity, link.Target).Validate();
        Counted();
        if (_inserts is null)
        {
            List<SqliteLinkBatches.Insert> run = [];
            Queue((w, _, ct) => SqliteLinkBatches.InsertAsync(w, run, ct));
            _inserts = run;
        }

        _inserts.Add(new SqliteLinkBatches.Insert(link));
    }

    public void SaveFingerprints(SyncFlowId flow, string localId, LinkFingerprints fingerprints)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(localId);
        ArgumentNullException.ThrowIfNull(fingerprints);
        Counted();
        if (_inserts is [.., var last] && last.Link.LocalId == localId && new SyncFlowId(last.Link.Entity, last.Link.Target) == flow)
        {
            last.Fingerprints = fingerprints; // saved with the link's insert
            return;
        }

        if (_prints is null)
        {
            List<SqliteLinkBatches.Prints> run = [];
            Queue((w, _, ct) => SqliteLinkBatches.SaveFingerprintsAsync(w, run, ct));
            _prints = run;
        }

        _prints.Add(new SqliteLinkBatches.Prints(flow, localId, fingerprints));
    }

    public void RemoveLink(SyncFlowId flow, string localId)
    {
        flow.Validate();
        ArgumentException.ThrowIfNullOrEmpty(localId);
        Counted();
        Queue((w, _, ct) => SqliteLinkWrites.UnlinkAsync(w, flow, localId, ct));
    }

    public void SaveCursor(SyncFlowId flow, SyncSide side, string cursor)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(cursor);
        Counted();
        Queue((w, now, ct) => SqliteLinkWrites.SaveCursorAsync(w, flow, side, cursor, now, ct));
    }

    public void CompleteIntent(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        ThrowIfFinished();

        // Completing an intent twice in one commit is completing it once. Completions go last, together: deleting an
        // intent depends on no other change of the commit.
        if (_completedKeys.Add(idempotencyKey))
        {
            _completed.Add(idempotencyKey);
            _count++;
        }
    }

    public void RecordConflict(ConflictRecord conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        conflict.Flow.Validate();
        Counted();
        Queue((w, _, ct) => SqliteLinkWrites.RecordConflictAsync(w, conflict, ct));
    }

    public void Quarantine(SyncFlowId flow, SyncSide side, string recordId, string errorMessage, string? payload, bool released = false)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(recordId);
        ArgumentNullException.ThrowIfNull(errorMessage);
        Counted();
        Queue((w, now, ct) => SqliteLinkWrites.QuarantineAsync(w, flow, side, recordId, errorMessage, payload, released, now, ct));
    }

    public void ClearQuarantine(SyncFlowId flow, SyncSide side, string recordId)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(recordId);
        Counted();
        Queue((w, _, ct) => SqliteLinkWrites.ClearQuarantineAsync(w, flow, side, recordId, ct));
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        _finished = true;
        var changes = _changes.ToArray();
        var completed = _completed.ToArray();
        if (changes.Length == 0 && completed.Length == 0)
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

                await SqliteLinkBatches.CompleteIntentsAsync(writer, completed, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _finished = true;
        _changes.Clear();
        _completed.Clear();
        return ValueTask.CompletedTask;
    }

    private void Counted()
    {
        ThrowIfFinished();
        _count++;
    }

    /// <summary>Queues a change; it ends the runs of link saves and fingerprint updates, which keep their place in the order.</summary>
    private void Queue(Func<SqliteWriter, DateTimeOffset, CancellationToken, Task> change)
    {
        _changes.Add(change);
        _inserts = null;
        _prints = null;
    }

    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException("This link store commit was already committed or disposed; begin a new one.");
        }
    }
}
