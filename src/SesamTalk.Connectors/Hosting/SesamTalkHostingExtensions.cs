using Microsoft.Extensions.Configuration;
using SesamTalk;
using SesamTalk.Connectors.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the background sync on <c>services.AddSesamTalk()</c>.</summary>
public static class SesamTalkHostingExtensions
{
    /// <summary>Runs every flow in the background on the schedule in <paramref name="section"/> (e.g. <c>SesamTalk:Schedule</c>).</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
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
