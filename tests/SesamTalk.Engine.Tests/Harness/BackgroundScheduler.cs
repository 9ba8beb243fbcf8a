using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>The scheduler the background sync makes, over a host's services: a scenario on a simulated clock drives it run by run.</summary>
internal static class BackgroundScheduler
{
    public static SyncScheduler Of(IServiceProvider provider) => new(
        provider,
        provider.GetRequiredService<ISyncModel>(),
        provider.GetRequiredService<IOptions<SyncScheduleOptions>>().Value,
        provider.GetRequiredService<IOptions<SyncEngineOptions>>().Value,
        provider.GetRequiredService<SyncChangeNotifications>(),
        provider.GetRequiredService<IOptions<SyncNotificationOptions>>().Value.SafetyPollInterval,
        provider.GetRequiredService<TimeProvider>(),
        provider.GetRequiredService<ILogger<SyncBackgroundService>>());
}
