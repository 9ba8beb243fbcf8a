using System.Collections.Concurrent;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>When each flow last listed its remote ids, in this process: a full listing costs a read of every record's id, so it runs at most once per <see cref="SyncFlowOptions.DeletionScanInterval"/>.</summary>
internal sealed class DeletionScanSchedule
{
    private readonly ConcurrentDictionary<SyncFlowId, DateTimeOffset> _lastScans = new();

    /// <summary>Whether the flow should list now: never when the interval is null, else when it has not listed within it.</summary>
    public bool IsDue(SyncFlowId flow, TimeSpan? interval, DateTimeOffset now) =>
        interval is { } every && (!_lastScans.TryGetValue(flow, out var last) || now - last >= every);

    /// <summary>Records a complete listing.</summary>
    public void Scanned(SyncFlowId flow, DateTimeOffset at) => _lastScans[flow] = at;
}
