using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>What every cycle of every flow shares: the link store, the model, metrics, logging and the clock.</summary>
internal sealed record FlowContext(ILinkStore Links, ISyncModel Model, SyncEngineOptions Options, SyncMetrics Metrics, ILogger Logger, TimeProvider Time);
