namespace SesamTalk.Connectors.Engine;

/// <summary>
/// A notified cycle: reads only the records the change notifications named, remote ones in one
/// <see cref="ISyncConnector.GetManyAsync"/> call, host ones from the host store, and runs them through the same
/// decide, breaker, intents, write and commit path as a page of the change feed. It reads neither change feed and moves
/// neither cursor, so the next polled cycle reads from the cursors as before and finds these records unchanged. Where
/// reading by id cannot be trusted, the cycle says why and runs its normal phases instead.
/// </summary>
internal sealed partial class FlowCycle<TEntity>
{
    /// <summary>The host records a targeted cycle read, which its host index holds instead of the host's change feed; null otherwise.</summary>
    private IReadOnlyDictionary<string, TEntity>? _notifiedHosts;

    /// <summary>The records the flow's notifications named, which the cycle reads by id; null for a normal cycle and for a dry run.</summary>
    public NotifiedRecords? Notified { get; set; }

    /// <summary>
    /// Runs the targeted phases when the cycle was notified of its records and reading them by id can be trusted: the
    /// remote records, then the host records read after the remote ones were written to the host. Returns false when the
    /// normal phases must run (nothing was written then).
    /// </summary>
    private async Task<bool> SyncNotifiedRecordsAsync()
    {
        if (Notified is not { } notified)
        {
            return false;
        }

        if (State.Start.RemoteCursor is null || State.Start.HostCursor is null)
        {
            EngineLog.NormalCycle(_context.Logger, Name, "the flow has not completed a cycle yet");
            return false;
        }

        EngineLog.TargetedRead(_context.Logger, Name, notified.RemoteIds.Count, notified.HostIds.Count);
        var remote = await ReadRemoteRecordsAsync(notified.RemoteIds).ConfigureAwait(false);
        var hosts = await GetHostRecordsAsync(notified.HostIds.ToHashSet(StringComparer.Ordinal)).ConfigureAwait(false);
        if (Missing(notified.RemoteIds, remote.Values.Where(record => !record.IsDeleted).Select(record => record.Id!)) is { } remoteId)
        {
            EngineLog.NormalCycle(_context.Logger, Name, $"the notified remote record {remoteId} was not found (deleted, or not visible to the integration)");
            return false;
        }

        if (Missing(notified.HostIds, hosts.Keys) is { } hostId)
        {
            EngineLog.NormalCycle(_context.Logger, Name, $"the notified host record {hostId} was not found (deleted)");
            return false;
        }

        _notifiedHosts = hosts;
        if (remote.Count > 0)
        {
            await SyncRemotePageAsync([.. remote.Values], cursor: null).ConfigureAwait(false);

            // Read again: the remote records just written may have changed them, and a stale read would look like a host edit.
            hosts = await GetHostRecordsAsync(hosts.Keys.ToHashSet(StringComparer.Ordinal)).ConfigureAwait(false);
        }

        await SyncHostRecordsAsync(hosts.Select(host => new HostChange<TEntity>(new HostCursor(notified.NotifiedAt, host.Key), host.Value))).ConfigureAwait(false);

        return true;
    }

    /// <summary>
    /// Indexes the notified host records as this cycle's host changes, changed when the notification came: a targeted
    /// cycle reads no host feed. An unlinked remote record that matches none of them still widens the index to every
    /// host record (<see cref="CompleteHostIndexAsync"/>), so nothing is created twice.
    /// </summary>
    private async Task IndexNotifiedHostRecordsAsync(IReadOnlyDictionary<string, TEntity> hosts)
    {
        foreach (var id in hosts.Keys)
        {
            State.HostIndex.Changed(id, Notified!.NotifiedAt);
        }

        if (_mapper.MatchKeys.Count > 0 || State.Start.OpenIntents.Count > 0)
        {
            await IndexBatchAsync([.. hosts.Select(host => (host.Key, host.Value))], indexContent: State.Start.OpenIntents.Count > 0).ConfigureAwait(false);
        }
    }

    private static string? Missing(IEnumerable<string> notified, IEnumerable<string> found)
    {
        var present = found.ToHashSet(StringComparer.Ordinal);
        return notified.FirstOrDefault(id => !present.Contains(id));
    }
}
