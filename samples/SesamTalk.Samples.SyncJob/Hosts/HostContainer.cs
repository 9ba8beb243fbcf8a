using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.EntityFrameworkCore;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>What every host's container shares: the engine over the host's storage.</summary>
internal static class HostContainer
{
    /// <summary>The engine's options in the job's configuration.</summary>
    public const string EngineSection = "SesamTalk:Engine";

    /// <summary>The change notifications' options in the job's configuration (<c>SyncNotificationOptions</c>; the job turns them on, see <c>HostCallbacks</c>).</summary>
    public const string NotificationsSection = "SesamTalk:Notifications";

    /// <summary>The background sync's schedule in the job's configuration (its live phase).</summary>
    public const string ScheduleSection = "SesamTalk:Schedule";

    /// <summary>
    /// How often the live phase's background sync polls a flow with a side that does not notify. Not less: each pass of
    /// the webshop's flows makes about 13 calls to Exact Online, more with the edits' updates, and Exact allows 60 a
    /// minute, making the next call wait for the next minute beyond that and holding up every flow behind it.
    /// </summary>
    public static readonly TimeSpan LivePollInterval = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Adds the host's storage (<see cref="HostStorage"/>: its database and its link store), the engine (its options from
    /// <c>SesamTalk:Engine</c>, e.g. <c>LeaseDuration</c> or a flow's <c>Enabled</c>), the EF Core host stores and the
    /// background sync (which runs only in the live phase, when the job starts the hosted services; its schedule from
    /// <c>SesamTalk:Schedule</c>, polling every <see cref="LivePollInterval"/> unless set) and the change notifications'
    /// options (<c>SesamTalk:Notifications</c>) to a host's registration (from its generated <c>AddSesamTalk()</c>).
    /// </summary>
    public static void AddEngine<TContext>(SesamTalkBuilder builder, IConfiguration configuration, string stateDirectory, string host)
        where TContext : DbContext
    {
        var storage = HostStorage.From(configuration, stateDirectory, host);
        builder.Services.AddSingleton(storage);
        builder.AddEngine(configuration.GetSection(EngineSection));
        storage.AddTo<TContext>(builder);
        builder.UseEntityFrameworkCore<TContext>();
        builder.Services.AddOptions<SyncScheduleOptions>().Configure(schedule => schedule.Interval = LivePollInterval);
        builder.AddBackgroundSync(configuration.GetSection(ScheduleSection));
        builder.AddChangeNotifications(configuration.GetSection(NotificationsSection));
    }

    /// <summary>
    /// Builds a host's container, logging to the job's loggers (the engine logs through <c>ILogger&lt;SyncEngine&gt;</c>),
    /// and checks its settings as a generic host does before it starts: a missing setting fails here with a message that
    /// names it.
    /// </summary>
    public static ServiceProvider Build(IServiceCollection services, ILoggerFactory logging)
    {
        var provider = services
            .AddSingleton(logging)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
