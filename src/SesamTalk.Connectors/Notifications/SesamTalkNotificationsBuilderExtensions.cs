using Microsoft.Extensions.Configuration;
using SesamTalk;
using SesamTalk.Connectors.Notifications;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on change notifications on <c>services.AddSesamTalk()</c>: <c>.AddChangeNotifications(configuration.GetSection("SesamTalk:Notifications"))</c>.</summary>
public static class SesamTalkNotificationsBuilderExtensions
{
    /// <summary>
    /// Binds the notifications' options (<see cref="SyncNotificationOptions"/>) from <paramref name="section"/>, e.g.
    /// <c>SesamTalk:Notifications</c> with <c>Enabled = true</c>. With <c>AddEngine</c> and <c>AddBackgroundSync</c>, the
    /// systems' change sources then run and a notified flow runs its cycle within the coalescing window. The options are
    /// checked when the host starts.
    /// </summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="section">The notifications' section.</param>
    public static SesamTalkBuilder AddChangeNotifications(this SesamTalkBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<SyncNotificationOptions>().Bind(section);
        return builder;
    }

    /// <summary>Sets the notifications' options in code, e.g. <c>options => options.Enabled = true</c>.</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="configure">Sets the options.</param>
    public static SesamTalkBuilder AddChangeNotifications(this SesamTalkBuilder builder, Action<SyncNotificationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SyncNotificationOptions>().Configure(configure);
        return builder;
    }
}
