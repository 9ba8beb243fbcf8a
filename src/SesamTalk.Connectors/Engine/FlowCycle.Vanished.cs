namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Remote deletions a change feed does not report (SuperOffice has no tombstones): at most once per
/// <see cref="SyncFlowOptions.DeletionScanInterval"/> (per process; a cycle that read the feed from its start counts
/// as a listing), after the cycle's own writes, the connector lists every live id
/// of the type, and each linked record no longer listed is handled as a remote tombstone, under the flow's delete
/// policy and the mass-change breaker (a listing that comes back empty by mistake stops there, before any delete).
/// </summary>
internal sealed partial class FlowCycle<TEntity>
{
    private async Task FindVanishedRemoteRecordsAsync()
    {
        var startedAt = _context.Time.GetUtcNow();
        if (_capabilities.ReportsDeletions || !_capabilities.ListsIds || !_context.DeletionScans.IsDue(_flow, _options.DeletionScanInterval, startedAt))
        {
            return;
        }

        if (State.Start.ReadsRemoteFromStart)
        {
            // The feed was read from its start in this cycle: every link was made or checked against the records as
            // they are, so the listing can wait an interval.
            _context.DeletionScans.Scanned(_flow, startedAt);
            return;
        }

        var live = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in _connector.ListIdsAsync(_mapper, _cancellationToken).ConfigureAwait(false))
        {
            live.UnionWith(page);
        }

        var vanished = new List<RecordDecision>();
        await foreach (var link in _context.Links.ReadLinksAsync(_flow, _cancellationToken).ConfigureAwait(false))
        {
            if (!live.Contains(link.Link.RemoteId))
            {
                vanished.Add(Deleted(SyncSide.Remote, link.Link.RemoteId, link));
            }
        }

        EngineLog.DeletionScan(_context.Logger, Name, live.Count, vanished.Count);
        if (vanished.Count > 0)
        {
            // Under the Ignore policy a vanished record only loses its link, which the breaker would not count; but a
            // listing that misses most records (a permission change, a wrong filter) must not unlink them all, after
            // which the next edits would create them again. Deletes and soft deletes are counted when they execute.
            State.Breaker.Admit(vanished.Count(decision => decision is UnlinkDecision), _flow);
            await ExecuteAsync(vanished, SyncSide.Remote, cursor: null).ConfigureAwait(false);
        }

        if (!Planning)
        {
            _context.DeletionScans.Scanned(_flow, startedAt);
        }
    }
}
