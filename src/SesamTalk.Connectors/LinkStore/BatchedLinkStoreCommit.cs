namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// The unit of work every link-store provider shares: it queues a page's changes in order and applies them in one
/// transaction of the provider's, with a run of link saves (each with the fingerprints saved right after it), a run of
/// fingerprint updates and the completed intents each handed over whole, so a provider writes each run in one statement.
/// A provider supplies the transaction and the writes; the order, the counting and the lease fence are here.
/// </summary>
/// <typeparam name="TWriter">The provider's handle on one open transaction.</typeparam>
public abstract class BatchedLinkStoreCommit<TWriter> : ILinkStoreCommit
{
    private readonly List<Func<TWriter, DateTimeOffset, CancellationToken, Task>> _changes = [];
    private readonly List<string> _completed = [];
    private readonly HashSet<string> _completedKeys = new(StringComparer.Ordinal);
    private List<QueuedLink>? _inserts;
    private List<QueuedFingerprints>? _prints;
    private SyncLease? _lease;
    private int _count;
    private bool _finished;

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public void SaveLink(SyncLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        new SyncFlowId(link.Entity, link.Target).Validate();
        Counted();
        if (_inserts is null)
        {
            List<QueuedLink> run = [];
            Queue((w, _, ct) => InsertLinksAsync(w, run, ct));
            _inserts = run;
        }

        _inserts.Add(new QueuedLink(link));
    }

    /// <inheritdoc />
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
            List<QueuedFingerprints> run = [];
            Queue((w, _, ct) => SaveFingerprintsAsync(w, run, ct));
            _prints = run;
        }

        _prints.Add(new QueuedFingerprints(flow, localId, fingerprints));
    }

    /// <inheritdoc />
    public void RemoveLink(SyncFlowId flow, string localId)
    {
        flow.Validate();
        ArgumentException.ThrowIfNullOrEmpty(localId);
        Counted();
        Queue((w, _, ct) => RemoveLinkAsync(w, flow, localId, ct));
    }

    /// <inheritdoc />
    public void SaveCursor(SyncFlowId flow, SyncSide side, string cursor)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(cursor);
        Counted();
        Queue((w, now, ct) => SaveCursorAsync(w, flow, side, cursor, now, ct));
    }

    /// <inheritdoc />
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

    /// <inheritdoc />
    public void RecordConflict(ConflictRecord conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        conflict.Flow.Validate();
        Counted();
        Queue((w, _, ct) => RecordConflictAsync(w, conflict, ct));
    }

    /// <inheritdoc />
    public void Quarantine(SyncFlowId flow, SyncSide side, string recordId, string errorMessage, string? payload, bool released = false)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(recordId);
        ArgumentNullException.ThrowIfNull(errorMessage);
        Counted();
        Queue((w, now, ct) => QuarantineAsync(w, flow, side, recordId, errorMessage, payload, released, now, ct));
    }

    /// <inheritdoc />
    public void ClearQuarantine(SyncFlowId flow, SyncSide side, string recordId)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(recordId);
        Counted();
        Queue((w, _, ct) => ClearQuarantineAsync(w, flow, side, recordId, ct));
    }

    /// <inheritdoc />
    public void RequireLease(SyncLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ThrowIfFinished();
        _lease = lease;
    }

    /// <inheritdoc />
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        _finished = true;
        var changes = _changes.ToArray();
        var completed = _completed.ToArray();
        var lease = _lease;
        if (changes.Length == 0 && completed.Length == 0)
        {
            return;
        }

        await InTransactionAsync(
            async (writer, now, ct) =>
            {
                // First in the transaction: the provider's check holds off a take-over until the commit ends.
                if (lease is not null && !await IsLeaseHeldAsync(writer, lease, ct).ConfigureAwait(false))
                {
                    throw new Engine.SyncLeaseLostException(lease.Flow.ToString());
                }

                foreach (var change in changes)
                {
                    await change(writer, now, ct).ConfigureAwait(false);
                }

                await CompleteIntentsAsync(writer, completed, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _finished = true;
        _changes.Clear();
        _completed.Clear();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (given the writer and the store's time), committing when it returns and rolling back when it throws.</summary>
    /// <param name="work">The commit's writes.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    protected abstract Task InTransactionAsync(Func<TWriter, DateTimeOffset, CancellationToken, Task> work, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="lease"/> (owner and epoch) is still its flow's, checked so that no take-over can commit before this transaction ends.</summary>
    /// <param name="writer">The transaction.</param>
    /// <param name="lease">The lease the commit was fenced with.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    protected abstract Task<bool> IsLeaseHeldAsync(TWriter writer, SyncLease lease, CancellationToken cancellationToken);

    /// <summary>Inserts a run of links; the same pair again keeps it, a clash throws <see cref="SyncLinkConflictException"/>.</summary>
    /// <param name="writer">The transaction.</param>
    /// <param name="links">The links, each with the fingerprints saved right after it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    protected abstract Task InsertLinksAsync(TWriter writer, IReadOnlyList<QueuedLink> links, CancellationToken cancellationToken);

    /// <summary>Replaces a run of links' fingerprints and agreed states; a missing link throws.</summary>
    /// <param name="writer">The transaction.</param>
    /// <param name="prints">The updates, in order.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    protected abstract Task SaveFingerprintsAsync(TWriter writer, IReadOnlyList<QueuedFingerprints> prints, CancellationToken cancellationToken);

    /// <summary>Removes the host record's link in the flow, with its fingerprints; no link is no error.</summary>
    /// <param name="writer">The transaction.</param>
    /// <param name="flow">The flow.</param>
    /// <param name="localId">The host record's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    protected abstract Task RemoveLinkAsync(TWriter writer, SyncFlowId flow, string localId, CancellationToken cancellationToken);

    /// <summary>Sets a cursor.</summary>
    /// <param name="writer">The transaction.</param>
    /// <param name="flow">The flow.</param>
    /// <param name="side">The side whose changes the cursor reads.</param>
    /// <param name="cursor">The cursor.</param>
    /// <param name="now">The store's time of the commit.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    protected abstract Task SaveCursorAsync(TWriter writer, SyncFlowId flow, SyncSide side, string cursor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Appends a conflict.</summary>
    /// <param name="writer">The transaction.</param>
    /// <param name="conflict">The conflict.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    protected abstract Task RecordConflictAsync(TWriter writer, ConflictRecord conflict, CancellationToken cancellationToken);

    /// <summary>Quarantines a record, or counts another attempt and holds it again (or releases it at once).</summary>
    /// <param name="writer">The transaction.</param>
    /// <param name="flow">The flow.</param>
    /// <param name="side">The side the record was read from.</param>
    /// <param name="recordId">The record's id.</param>
    /// <param name="errorMessage">Why it failed.</param>
    /// <param name="payload">The record as read, or <see langword="null"/>.</param>
    /// <param name="released">Whether it is released at once.</param>
    /// <param name="now">The store's time of the commit.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    protected abstract Task QuarantineAsync(TWriter writer, SyncFlowId flow, SyncSide side, string recordId, string errorMessage, string? payload, bool released, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes a record from quarantine.</summary>
    /// <param name="writer">The transaction.</param>
    /// <param name="flow">The flow.</param>
    /// <param name="side">The side the record lives on.</param>
    /// <param name="recordId">The record's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    protected abstract Task ClearQuarantineAsync(TWriter writer, SyncFlowId flow, SyncSide side, string recordId, CancellationToken cancellationToken);

    /// <summary>Completes the intents (deleting them); an unknown key throws.</summary>
    /// <param name="writer">The transaction.</param>
    /// <param name="keys">The idempotency keys, each once; empty when none.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    protected abstract Task CompleteIntentsAsync(TWriter writer, IReadOnlyList<string> keys, CancellationToken cancellationToken);

    private void Counted()
    {
        ThrowIfFinished();
        _count++;
    }

    /// <summary>Queues a change; it ends the runs of link saves and fingerprint updates, which keep their place in the order.</summary>
    private void Queue(Func<TWriter, DateTimeOffset, CancellationToken, Task> change)
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
