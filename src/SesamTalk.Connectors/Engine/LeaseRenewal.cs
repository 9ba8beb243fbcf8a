using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Keeps a flow's lease alive while its cycle runs: renews it in the background every third of its duration, so a unit of
/// work that takes longer than the lease (a slow remote API, a large page) does not lose the flow to another instance.
/// A renewal that finds the lease taken over stops; the cycle's next commit is then refused by its fence.
/// </summary>
internal sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LeaseRenewal(ILinkStore links, SyncLease lease, TimeSpan duration, TimeProvider time, ILogger logger) =>
        _loop = RenewAsync(links, lease, duration, time, logger, _stop.Token);

    /// <summary>Starts renewing <paramref name="lease"/> for <paramref name="duration"/> at a time.</summary>
    public static LeaseRenewal Start(ILinkStore links, SyncLease lease, TimeSpan duration, TimeProvider time, ILogger logger) =>
        new(links, lease, duration, time, logger);

    /// <summary>Stops renewing (before the cycle releases the lease).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static async Task RenewAsync(ILinkStore links, SyncLease lease, TimeSpan duration, TimeProvider time, ILogger logger, CancellationToken stop)
    {
        var flow = lease.Flow.ToString();
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(duration / 3, time, stop).ConfigureAwait(false);
            try
            {
                if (!await links.RenewLeaseAsync(lease.Flow, lease.Owner, duration, stop).ConfigureAwait(false))
                {
                    LeaseLog.LeaseLostWhileRunning(logger, flow);
                    return;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A store that is briefly out of reach: the next round tries again while the lease still runs.
                LeaseLog.RenewalFailed(logger, flow, error);
            }
        }
    }
}
