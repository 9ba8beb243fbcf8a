using Microsoft.Data.Sqlite;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>Queues a page's changes and applies them in one IMMEDIATE transaction, so no write lock is held while the engine calls remote APIs.</summary>
internal sealed class SqliteLinkStoreCommit : ILinkStoreCommit
{
    private readonly SqliteLinkStore _store;
    private readonly List<Func<SqliteConnection, SqliteTransaction, DateTimeOffset, CancellationToken, Task>> _changes = [];
    private readonly HashSet<string> _completed = new(StringComparer.Ordinal);
    private bool _finished;

    public SqliteLinkStoreCommit(SqliteLinkStore store) => _store = store;

    public int Count => _changes.Count;

    public void SaveLink(SyncLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        new SyncFlowId(link.Entity, link.Target).Validate();
        Queue((c, t, _, ct) => SqliteLinkWrites.SaveLinkAsync(c, t, link, ct));
    }

    public void SaveFingerprints(SyncFlowId flow, string localId, LinkFingerprints fingerprints)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(localId);
        ArgumentNullException.ThrowIfNull(fingerprints);
        Queue((c, t, _, ct) => SqliteLinkWrites.SaveFingerprintsAsync(c, t, flow, localId, fingerprints, ct));
    }

    public void RemoveLink(SyncFlowId flow, string localId)
    {
        flow.Validate();
        ArgumentException.ThrowIfNullOrEmpty(localId);
        Queue((c, t, _, ct) => SqliteLinkWrites.UnlinkAsync(c, t, flow, localId, ct));
    }

    public void SaveCursor(SyncFlowId flow, SyncSide side, string cursor)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(cursor);
        Queue((c, t, now, ct) => SqliteLinkWrites.SaveCursorAsync(c, t, flow, side, cursor, now, ct));
    }

    public void CompleteIntent(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        if (_completed.Add(idempotencyKey))
        {
            // Completing an intent twice in one commit is completing it once.
            Queue((c, t, _, ct) => SqliteLinkWrites.CompleteIntentAsync(c, t, idempotencyKey, ct));
        }
    }

    public void RecordConflict(ConflictRecord conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        conflict.Flow.Validate();
        Queue((c, t, _, ct) => SqliteLinkWrites.RecordConflictAsync(c, t, conflict, ct));
    }

    public void Quarantine(SyncFlowId flow, SyncSide side, string recordId, string errorMessage, string? payload)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(recordId);
        ArgumentNullException.ThrowIfNull(errorMessage);
        Queue((c, t, now, ct) => SqliteLinkWrites.QuarantineAsync(c, t, flow, side, recordId, errorMessage, payload, now, ct));
    }

    public void ClearQuarantine(SyncFlowId flow, SyncSide side, string recordId)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(recordId);
        Queue((c, t, _, ct) => SqliteLinkWrites.ClearQuarantineAsync(c, t, flow, side, recordId, ct));
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
            async (connection, transaction, now, ct) =>
            {
                foreach (var change in changes)
                {
                    await change(connection, transaction, now, ct).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _finished = true;
        _changes.Clear();
        return ValueTask.CompletedTask;
    }

    private void Queue(Func<SqliteConnection, SqliteTransaction, DateTimeOffset, CancellationToken, Task> change)
    {
        ThrowIfFinished();
        _changes.Add(change);
    }

    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException("This link store commit was already committed or disposed; begin a new one.");
        }
    }
}
