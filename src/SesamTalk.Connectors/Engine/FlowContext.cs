using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// What every cycle of every flow shares: the link store, the model, metrics, system health, logging, the clock, when
/// each flow last listed its remote ids, and the flows whose unprotected creates were reported.
/// </summary>
internal sealed record FlowContext(ILinkStore Links, ISyncModel Model, SyncEngineOptions Options, SyncMetrics Metrics, SyncHealthRegistry Health, ILogger Logger, TimeProvider Time)
{
    public DeletionScanSchedule DeletionScans { get; } = new();

    /// <summary>The flows reported once as creating records that a lost answer could duplicate.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<SyncFlowId, bool> UnprotectedReported { get; } = new();
}
