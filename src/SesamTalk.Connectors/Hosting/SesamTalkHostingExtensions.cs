using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// Configuration-bound registration on <c>services.AddSesamTalk()</c>: the engine and its flows, the link store and the
/// background schedule, each from a configuration section (appsettings.json, environment variables, command line).
/// </summary>
public static class SesamTalkHostingExtensions
{
    /// <summary>Adds the engine with its options bound from <paramref name="section"/> (e.g. <c>SesamTalk:Engine</c>, with <c>Flows:Product:Deletes</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The engine's section.</param>
    public static SesamTalkBuilder AddEngine(this SesamTalkBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        builder.AddEngine();
        builder.Services.Configure<SyncEngineOptions>(section);
        return builder;
    }

    /// <summary>Keeps the link store in the SQLite file named by <c>Path</c> in <paramref name="section"/> (default <c>sesamtalk-links.db</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The link store's section, e.g. <c>SesamTalk:LinkStore</c>.</param>
    public static SesamTalkBuilder UseSqliteLinkStore(this SesamTalkBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return builder.UseSqliteLinkStore(section["Path"] is { Length: > 0 } path ? path : "sesamtalk-links.db");
    }

    /// <summary>Runs every flow in the background on the schedule in <paramref name="section"/> (e.g. <c>SesamTalk:Schedule</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The schedule's section, or null for the defaults.</param>
    public static SesamTalkBuilder AddBackgroundSync(this SesamTalkBuilder builder, IConfiguration? section = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SyncScheduleOptions>();
        if (section is not null)
        {
            options.Bind(section);
        }

        builder.Services.AddHostedService<SyncBackgroundService>();
        return builder;
    }
}
