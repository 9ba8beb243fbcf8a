using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Connectors.Notifications;

/// <summary>
/// Runs every registered <see cref="ISyncChangeSource"/> while the host runs, when notifications are on: each with the
/// remote types of the enabled flows whose target is its system instance. A source that throws (or ends by itself) is
/// logged, its types are reported lost (their flows poll at the normal interval and run a cycle at once), and it starts
/// again after a back-off that doubles from <see cref="FirstRestart"/> up to <see cref="MaxRestart"/>.
/// </summary>
/// <remarks>The sources are resolved when the service starts, so a host without notifications never builds them.</remarks>
internal sealed class ChangeSourcesService(
    IServiceProvider services,
    ISyncModel model,
    IOptions<SyncNotificationOptions> options,
    IOptions<SyncEngineOptions> engineOptions,
    TimeProvider time,
    ILogger<ChangeSourcesService>? log = null) : BackgroundService
{
    /// <summary>The wait before a stopped source starts again the first time.</summary>
    public static readonly TimeSpan FirstRestart = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a source that keeps stopping starts again.</summary>
    public static readonly TimeSpan MaxRestart = TimeSpan.FromMinutes(5);

    private readonly ILogger _logger = log ?? NullLogger<ChangeSourcesService>.Instance;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return Task.CompletedTask;
        }

        var notifications = services.GetRequiredService<ISyncChangeNotifications>();
        var runs = new List<Task>();
        foreach (var source in services.GetServices<ISyncChangeSource>())
        {
            var types = RemoteTypes(source.System);
            if (types.Count == 0)
            {
                NotificationLog.SourceUnused(_logger, source.System);
                continue;
            }

            runs.Add(KeepRunningAsync(source, types, notifications, stoppingToken));
        }

        return Task.WhenAll(runs);
    }

    /// <summary>The remote types of the enabled flows with <paramref name="system"/>, each once.</summary>
    private List<string> RemoteTypes(string system) =>
        model.Entities
            .SelectMany(entity => entity.Mappers.Select(mapper => mapper.Target).Where(target => engineOptions.Value.ForFlow(entity.Name, target).Enabled))
            .Where(target => string.Equals(target.System, system, StringComparison.OrdinalIgnoreCase))
            .Select(target => target.Type)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private async Task KeepRunningAsync(ISyncChangeSource source, List<string> types, ISyncChangeNotifications notifications, CancellationToken stoppingToken)
    {
        // Off the starting thread: a source that does work before its first await must not hold up the host's start.
        await Task.Yield();
        var restarts = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetUtcNow();
            string reason;
            Exception? error = null;
            try
            {
                await source.RunAsync(types, notifications, stoppingToken).ConfigureAwait(false);
                reason = "the subscription ended";
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                error = failure;
                reason = failure.Message;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            // A source that ran a good while before it stopped starts again soon; one that keeps stopping waits longer.
            restarts = time.GetUtcNow() - started >= MaxRestart ? 0 : restarts + 1;
            var wait = Restart(restarts);
            if (error is null)
            {
                NotificationLog.SourceEnded(_logger, source.System, wait);
            }
            else
            {
                NotificationLog.SourceFailed(_logger, source.System, wait, error);
            }

            foreach (var type in types)
            {
                notifications.SourceState(new SyncTarget(source.System, type), live: false, reason);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>The wait before the <paramref name="restarts"/>-th restart in a row: doubling from <see cref="FirstRestart"/>, at most <see cref="MaxRestart"/>.</summary>
    internal static TimeSpan Restart(int restarts)
    {
        var factor = Math.Pow(2, Math.Clamp(restarts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(FirstRestart.Ticks * factor, MaxRestart.Ticks));
    }
}
