using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>Adds the engine and its link store to <c>services.AddSesamTalk()</c>.</summary>
public static class SesamTalkEngineBuilderExtensions
{
    /// <summary>Registers the sync engine as the <see cref="ISyncEngine"/> behind the generated client.</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="configure">Sets the engine's and the flows' options, or null for the defaults.</param>
    public static SesamTalkBuilder AddEngine(this SesamTalkBuilder builder, Action<SyncEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SyncEngineOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncMetrics>();
        services.TryAddSingleton<SyncHealthRegistry>();
        services.TryAddSingleton<ISyncEngine, SyncEngine>();
        return builder;
    }

    /// <summary>Keeps links, cursors, intents, conflicts and quarantine in a SQLite file (created and migrated on first use).</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="path">The database file.</param>
    public static SesamTalkBuilder UseSqliteLinkStore(this SesamTalkBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);

        // Opening migrates the file; DI factories are synchronous, and this runs once, off any synchronisation context.
        builder.Services.TryAddSingleton<ILinkStore>(_ => SqliteLinkStore.OpenAsync(path).GetAwaiter().GetResult());
        return builder;
    }
}
