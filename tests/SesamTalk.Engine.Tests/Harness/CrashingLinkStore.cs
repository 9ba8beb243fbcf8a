using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>
/// The real SQLite link store, with switches that make the process die as a power cut would: the next commit that
/// saves links fails after the writes it describes went out, before anything of it is saved; or the next batch of
/// pending-create intents is saved and the process dies before the creates are sent. It can also play another process
/// that takes a flow's lease over while this one decides a unit (as when this one was paused past its lease). It counts
/// the lookups of one record's link, which the engine makes a page at a time, and those of a page's links.
/// </summary>
public sealed class CrashingLinkStore(SqliteLinkStore inner) : ILinkStore, ICycleHistoryStore, IAsyncDisposable
{
    private int _armed;
    private int _intentsArmed;
    private int _takeOverArmed;

    public void CrashBeforeNextCommit() => Interlocked.Exchange(ref _armed, 1);

    public void CrashAfterNextIntents() => Interlocked.Exchange(ref _intentsArmed, 1);

    /// <summary>When the engine next looks up the links of a page of host records, another process takes that flow's lease over.</summary>
    public void TakeOverLeaseAtNextHostLookup() => Interlocked.Exchange(ref _takeOverArmed, 1);

    private int _singleLookups;
    private int _pageLookups;
    private int _commits;

    /// <summary>How many link-store transactions the engine committed.</summary>
    public int Commits => Volatile.Read(ref _commits);

    /// <summary>How many times one record's link was looked up by itself (<see cref="FindByLocalIdAsync"/>, <see cref="FindByRemoteIdAsync"/>).</summary>
    public int SingleLookups => Volatile.Read(ref _singleLookups);

    /// <summary>How many times the links of a page of records were looked up together (<see cref="FindLinksAsync"/>).</summary>
    public int PageLookups => Volatile.Read(ref _pageLookups);

    public async Task<ILinkStoreCommit> BeginCommitAsync(CancellationToken cancellationToken = default) =>
        new Commit(await inner.BeginCommitAsync(cancellationToken), () => Interlocked.Exchange(ref _armed, 0) == 1, () => Interlocked.Increment(ref _commits));

    public Task<IReadOnlyList<SyncLink>> GetLinksAsync(string entity, string localId, CancellationToken cancellationToken = default) => inner.GetLinksAsync(entity, localId, cancellationToken);

    public Task RecordCycleAsync(CycleRecord cycle, int keep, CancellationToken cancellationToken = default) => inner.RecordCycleAsync(cycle, keep, cancellationToken);

    public Task<IReadOnlyList<CycleRecord>> GetCycleHistoryAsync(SyncFlowId flow, int limit, CancellationToken cancellationToken = default) => inner.GetCycleHistoryAsync(flow, limit, cancellationToken);

    public Task<StoredLink?> FindByLocalIdAsync(SyncFlowId flow, string localId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _singleLookups);
        return inner.FindByLocalIdAsync(flow, localId, cancellationToken);
    }

    public Task<StoredLink?> FindByRemoteIdAsync(SyncFlowId flow, string remoteId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _singleLookups);
        return inner.FindByRemoteIdAsync(flow, remoteId, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, StoredLink>> FindLinksAsync(SyncFlowId flow, SyncSide side, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _pageLookups);
        if (side == SyncSide.Local && Interlocked.Exchange(ref _takeOverArmed, 0) == 1)
        {
            var holder = await inner.GetLeaseOwnerAsync(flow, cancellationToken) ?? throw new InvalidOperationException($"Nobody holds the lease of {flow}.");
            Assert.NotNull(await inner.TakeOverLeaseAsync(flow, holder, "another-process", TimeSpan.FromMinutes(5), cancellationToken));
        }

        return await inner.FindLinksAsync(flow, side, ids, cancellationToken);
    }

    public Task<int> CountLinksAsync(SyncFlowId flow, CancellationToken cancellationToken = default) => inner.CountLinksAsync(flow, cancellationToken);

    public IAsyncEnumerable<StoredLink> ReadLinksAsync(SyncFlowId flow, CancellationToken cancellationToken = default) => inner.ReadLinksAsync(flow, cancellationToken);

    public Task<SyncLink> LinkByHandAsync(SyncFlowId flow, string localId, string remoteId, CancellationToken cancellationToken = default) => inner.LinkByHandAsync(flow, localId, remoteId, cancellationToken);

    public Task<SyncLink> RelinkByHandAsync(SyncFlowId flow, string localId, string remoteId, CancellationToken cancellationToken = default) => inner.RelinkByHandAsync(flow, localId, remoteId, cancellationToken);

    public Task<bool> UnlinkAsync(SyncFlowId flow, string localId, CancellationToken cancellationToken = default) => inner.UnlinkAsync(flow, localId, cancellationToken);

    public Task<string?> GetCursorAsync(SyncFlowId flow, SyncSide side, CancellationToken cancellationToken = default) => inner.GetCursorAsync(flow, side, cancellationToken);

    public async Task<IReadOnlyList<PendingCreate>> RecordIntentsAsync(SyncFlowId flow, SyncSide sourceSide, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken = default)
    {
        var intents = await inner.RecordIntentsAsync(flow, sourceSide, sourceIds, cancellationToken);
        return Interlocked.Exchange(ref _intentsArmed, 0) == 1 ? throw new IOException("The process died after the intents were saved, before the creates.") : intents;
    }

    public Task<IReadOnlyList<PendingCreate>> ListOpenIntentsAsync(SyncFlowId flow, CancellationToken cancellationToken = default) => inner.ListOpenIntentsAsync(flow, cancellationToken);

    public Task<IReadOnlyList<ConflictRecord>> GetConflictsAsync(SyncFlowId flow, string? localId = null, CancellationToken cancellationToken = default) => inner.GetConflictsAsync(flow, localId, cancellationToken);

    public Task<IReadOnlyList<QuarantinedRecord>> ListQuarantinedAsync(SyncFlowId flow, CancellationToken cancellationToken = default) => inner.ListQuarantinedAsync(flow, cancellationToken);

    public Task<bool> ReleaseQuarantinedAsync(SyncFlowId flow, SyncSide side, string recordId, CancellationToken cancellationToken = default) => inner.ReleaseQuarantinedAsync(flow, side, recordId, cancellationToken);

    public Task<int> CountQuarantinedAsync(SyncFlowId flow, CancellationToken cancellationToken = default) => inner.CountQuarantinedAsync(flow, cancellationToken);

    public Task<HeldFlow> HoldFlowAsync(SyncFlowId flow, int changes, int links, int limit, string reason, CancellationToken cancellationToken = default) =>
        inner.HoldFlowAsync(flow, changes, links, limit, reason, cancellationToken);

    public Task<HeldFlow?> GetHeldFlowAsync(SyncFlowId flow, CancellationToken cancellationToken = default) => inner.GetHeldFlowAsync(flow, cancellationToken);

    public Task<IReadOnlyList<HeldFlow>> ListHeldFlowsAsync(CancellationToken cancellationToken = default) => inner.ListHeldFlowsAsync(cancellationToken);

    public Task<HeldFlow?> ApproveHeldFlowAsync(SyncFlowId flow, string approvedBy, CancellationToken cancellationToken = default) => inner.ApproveHeldFlowAsync(flow, approvedBy, cancellationToken);

    public Task<bool> ReleaseHeldFlowAsync(SyncFlowId flow, HoldReleaseReason reason, CancellationToken cancellationToken = default) => inner.ReleaseHeldFlowAsync(flow, reason, cancellationToken);

    public Task<IReadOnlyList<ReleasedHold>> GetReleasedHoldsAsync(SyncFlowId flow, CancellationToken cancellationToken = default) => inner.GetReleasedHoldsAsync(flow, cancellationToken);

    public Task<SyncLease?> TryAcquireLeaseAsync(SyncFlowId flow, string owner, TimeSpan duration, CancellationToken cancellationToken = default) => inner.TryAcquireLeaseAsync(flow, owner, duration, cancellationToken);

    public Task<bool> RenewLeaseAsync(SyncFlowId flow, string owner, TimeSpan duration, CancellationToken cancellationToken = default) => inner.RenewLeaseAsync(flow, owner, duration, cancellationToken);

    public Task<bool> ReleaseLeaseAsync(SyncFlowId flow, string owner, CancellationToken cancellationToken = default) => inner.ReleaseLeaseAsync(flow, owner, cancellationToken);

    public Task<string?> GetLeaseOwnerAsync(SyncFlowId flow, CancellationToken cancellationToken = default) => inner.GetLeaseOwnerAsync(flow, cancellationToken);

    public Task<DateTimeOffset?> GetLeaseTakenAtAsync(SyncFlowId flow, CancellationToken cancellationToken = default) => inner.GetLeaseTakenAtAsync(flow, cancellationToken);

    public Task<SyncLease?> TakeOverLeaseAsync(SyncFlowId flow, string formerOwner, string owner, TimeSpan duration, CancellationToken cancellationToken = default) =>
        inner.TakeOverLeaseAsync(flow, formerOwner, owner, duration, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private sealed class Commit(ILinkStoreCommit inner, Func<bool> crash, Action committed) : ILinkStoreCommit
    {
        public int Count => inner.Count;

        private bool _savesLinks;

        public void SaveLink(SyncLink link)
        {
            _savesLinks = true;
            inner.SaveLink(link);
        }

        public void SaveFingerprints(SyncFlowId flow, string localId, LinkFingerprints fingerprints) => inner.SaveFingerprints(flow, localId, fingerprints);

        public void RemoveLink(SyncFlowId flow, string localId) => inner.RemoveLink(flow, localId);

        public void SaveCursor(SyncFlowId flow, SyncSide side, string cursor) => inner.SaveCursor(flow, side, cursor);

        public void CompleteIntent(string idempotencyKey) => inner.CompleteIntent(idempotencyKey);

        public void RecordConflict(ConflictRecord conflict) => inner.RecordConflict(conflict);

        public void Quarantine(SyncFlowId flow, SyncSide side, string recordId, string errorMessage, string? payload, bool released = false) => inner.Quarantine(flow, side, recordId, errorMessage, payload, released);

        public void ClearQuarantine(SyncFlowId flow, SyncSide side, string recordId) => inner.ClearQuarantine(flow, side, recordId);

        public void RequireLease(SyncLease lease) => inner.RequireLease(lease);

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (_savesLinks && crash())
            {
                throw new IOException("The process died before the link store commit.");
            }

            await inner.CommitAsync(cancellationToken);
            committed();
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
