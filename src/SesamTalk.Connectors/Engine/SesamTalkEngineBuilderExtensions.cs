using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SesamTalk;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Connectors.Notifications;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the engine and its link store on <c>services.AddSesamTalk()</c>.</summary>
public static class SesamTalkEngineBuilderExtensions
{
    /// <summary>
    /// Registers the sync engine as the <see cref="ISyncEngine"/> behind the generated client. When the host starts,
    /// every entity with enabled flows must have an <see cref="IHostStore{TEntity}"/> (or sync inside its parent's
    /// records) and every system it syncs with a connector; the start stops with a message naming each one missing.
    /// Also registers the engine's inbox for change notifications (<see cref="ISyncChangeNotifications"/>) and the
    /// service that runs the systems' change sources; both stay idle unless notifications are on
    /// (<see cref="SesamTalkNotificationsBuilderExtensions.AddChangeNotifications(SesamTalkBuilder, IConfiguration)"/>).
    /// </summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="configure">Sets the engine's and the flows' options, or null for the defaults.</param>
    public static SesamTalkBuilder AddEngine(this SesamTalkBuilder builder, Action<SyncEngineOptions>? configure = null) =>
        Add(builder, options => options.Configure(configure ?? (_ => { })));

    /// <summary>Adds the engine with its options bound from <paramref name="section"/> (e.g. <c>SesamTalk:Engine</c>, with <c>Flows:Product:Deletes</c>).</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="section">The engine's section.</param>
    public static SesamTalkBuilder AddEngine(this SesamTalkBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(builder, options => options.Bind(section));
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

    /// <summary>Keeps the link store in the SQLite file named by <c>Path</c> in <paramref name="section"/> (default <c>sesamtalk-links.db</c>).</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="section">The link store's section, e.g. <c>SesamTalk:LinkStore</c>.</param>
    public static SesamTalkBuilder UseSqliteLinkStore(this SesamTalkBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return builder.UseSqliteLinkStore(section["Path"] is { Length: > 0 } path ? path : "sesamtalk-links.db");
    }

    private static SesamTalkBuilder Add(SesamTalkBuilder builder, Action<OptionsBuilder<SyncEngineOptions>> source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<SyncEngineOptions>();
        source(options);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FlowPartsCheck>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncMetrics>();
        services.TryAddSingleton<SyncHealthRegistry>();
        services.TryAddSingleton<ISyncEngine, SyncEngine>();
        services.AddOptions<SyncNotificationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncNotificationOptions>, SyncNotificationOptionsValidator>());
        services.TryAddSingleton<SyncChangeNotifications>();
        services.TryAddSingleton<ISyncChangeNotifications>(provider => provider.GetRequiredService<SyncChangeNotifications>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChangeSourcesService>());
        return builder;
    }
}
