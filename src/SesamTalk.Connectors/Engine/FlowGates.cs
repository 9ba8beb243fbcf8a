using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// One gate per flow and link store in this process. A cycle passes the gate before it takes the flow's lease, so a
/// second cycle of a flow this process is already running (a manual sync while the background sync runs it) waits for
/// the first to end and then runs, instead of finding the lease held and stopping.
/// </summary>
internal static class FlowGates
{
    private static readonly ConditionalWeakTable<ILinkStore, ConcurrentDictionary<SyncFlowId, SemaphoreSlim>> Gates = new();

    /// <summary>The gate of <paramref name="flow"/> over <paramref name="links"/>.</summary>
    public static SemaphoreSlim For(ILinkStore links, SyncFlowId flow) =>
        Gates.GetValue(links, _ => new()).GetOrAdd(flow, _ => new SemaphoreSlim(1, 1));
}
