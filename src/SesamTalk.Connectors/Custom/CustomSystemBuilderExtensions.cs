using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesamTalk;
using SesamTalk.Connectors;
using SesamTalk.Connectors.Custom;
using SesamTalk.Connectors.Custom.Webhooks;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.Http;
using SesamTalk.Connectors.Notifications;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds custom systems that speak the custom-system contract on <c>services.AddSesamTalk()</c>, each by its name.</summary>
public static class CustomSystemBuilderExtensions
{
    /// <summary>Adds the custom system <paramref name="name"/> with its options from <paramref name="section"/>.</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="name">The system's name, as in <c>[SyncsWith(name, ...)]</c>.</param>
    /// <param name="section">The system's section, e.g. <c>SesamTalk:Custom:Customcrm</c>.</param>
    public static SesamTalkBuilder AddCustomSystem(this SesamTalkBuilder builder, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(builder, name, options => options.Bind(section), SettingsPath.Of(section));
    }

    /// <summary>Adds the custom system <paramref name="name"/> with the options <paramref name="configure"/> sets.</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="name">The system's name, as in <c>[SyncsWith(name, ...)]</c>.</param>
    /// <param name="configure">Sets the system's options.</param>
    public static SesamTalkBuilder AddCustomSystem(this SesamTalkBuilder builder, string name, Action<CustomConnectorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(builder, name, options => options.Configure(configure), name);
    }

    /// <summary>
    /// Registers the system's client (handed out by <see cref="CustomSystemClients"/>) behind retries and the pacing of
    /// its rate-limit window, its <see cref="ISyncConnector"/>, which counts every call that reaches the wire, and its
    /// webhook subscription (<see cref="CustomChangeSource"/>) and receiver (<see cref="CustomWebhookReceiver"/>).
    /// </summary>
    private static SesamTalkBuilder Add(SesamTalkBuilder builder, string name, Action<OptionsBuilder<CustomConnectorOptions>> source, string path)
    {
        var system = SystemInstance<CustomConnectorOptions>.Add(builder, name, source, options => new RequiredSettings(path)
            .Require(options.BaseUrl is not null, "BaseUrl", $"the root URL of {name}'s API.")
            .Require(options.ApiKey.Length > 0, "ApiKey", $"the API key {name} issued for SesamTalk.")
            .Result());
        builder.Services.TryAddSingleton<CustomSystemClients>();
        system.AddPart(provider => new CustomRateLimitWindow(name))
            .AddApiClient<CustomSystemClient>(
                authentication: null,
                provider => new CustomRateLimitHandler(system.Get<CustomRateLimitWindow>(provider), system.Options(provider).MaxRetryDelay, provider.GetRequiredService<TimeProvider>()))
            .AddConnector(provider =>
            {
                var calls = system.Get<ApiCallCounter<CustomSystemClient>>(provider);
                return new CustomSyncConnector(provider.GetRequiredService<CustomSystemClients>().Get(name), () => calls.Calls);
            })
            .AddChangeSource(provider => new CustomChangeSource(
                provider.GetRequiredService<CustomSystemClients>().Get(name),
                system.Options(provider),
                () => provider.GetRequiredService<IOptions<SyncNotificationOptions>>().Value.CallbackUrlFor(name),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<CustomChangeSource>>()))
            .AddWebhookReceiver(provider => new CustomWebhookReceiver(
                name, system.Options(provider), provider.GetRequiredService<ISyncChangeNotifications>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<CustomWebhookReceiver>>()));
        builder.Services.AddSingleton<IValidateOptions<CustomConnectorOptions>>(provider =>
            new CustomWebhookSettingsValidator(name, path, provider.GetRequiredService<IOptionsMonitor<SyncNotificationOptions>>()));
        return builder;
    }
}
