using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SesamTalk.Samples.SyncJob.Hosts;

namespace SesamTalk.Samples.SyncJob.Propagation;

/// <summary>
/// The hosts' hosted services running, as a generic host runs them: the start check, the background sync, and with
/// notifications on the change sources. Started in the order they were registered, stopped in the reverse order.
/// </summary>
internal sealed class RunningHosts : IAsyncDisposable
{
    private readonly List<IHostedService> _started = [];

    private RunningHosts()
    {
    }

    /// <summary>Starts every hosted service of <paramref name="hosts"/>; stops the started ones again when one fails.</summary>
    public static async Task<RunningHosts> StartAsync(IEnumerable<IHostApp> hosts, CancellationToken cancellationToken)
    {
        var running = new RunningHosts();
        try
        {
            foreach (var service in hosts.SelectMany(host => host.Services.GetServices<IHostedService>()))
            {
                await service.StartAsync(cancellationToken).ConfigureAwait(false);
                running._started.Add(service);
            }

            return running;
        }
        catch
        {
            await running.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the services: a running cycle stops at its checkpoint.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _started.Clear();
    }
}
