using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesamTalk;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.ExactOnline.Webhooks;
using SesamTalk.Connectors.Http;
using SesamTalk.Connectors.Notifications;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds an Exact Online division on <c>services.AddSesamTalk()</c>. Each is named (<c>ExactOnline</c> unless given),
/// so a host can sync with two, each with its own options, token store, HttpClient and flows.
/// </summary>
public static class ExactOnlineBuilderExtensions
{
    /// <summary>The name of a division added without one.</summary>
    public const string DefaultName = "ExactOnline";

    /// <summary>
    /// Adds the division <paramref name="name"/> (<see cref="DefaultName"/> unless given) with its options from
    /// <paramref name="section"/> (e.g. <c>SesamTalk:ExactOnline</c>); the refresh token comes from <c>RefreshToken</c>
    /// and, once rotated, from <c>RefreshTokenFile</c> when that is set.
    /// </summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="section">The division's section.</param>
    /// <param name="name">The division's name, as in <c>[SyncsWith(name, ...)]</c>; null for <see cref="DefaultName"/>.</param>
    public static SesamTalkBuilder AddExactOnline(this SesamTalkBuilder builder, IConfiguration section, string? name = null) =>
        SystemInstance<ExactOnlineOptions>.Add(builder, name ?? DefaultName, OptionsSource<ExactOnlineOptions>.Of(section), Required, AddParts);

    /// <summary>
    /// Adds the division <paramref name="name"/> (<see cref="DefaultName"/> unless given) with the options
    /// <paramref name="configure"/> sets; the host registers its <see cref="IExactOnlineTokenStore"/> under the name
    /// (<c>services.AddKeyedSingleton&lt;IExactOnlineTokenStore&gt;("ExactOnline", store)</c>).
    /// </summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="configure">Sets the division's options.</param>
    /// <param name="name">The division's name, as in <c>[SyncsWith(name, ...)]</c>; null for <see cref="DefaultName"/>.</param>
    public static SesamTalkBuilder AddExactOnline(this SesamTalkBuilder builder, Action<ExactOnlineOptions> configure, string? name = null) =>
        SystemInstance<ExactOnlineOptions>.Add(builder, name ?? DefaultName, OptionsSource<ExactOnlineOptions>.Of(configure), Required, AddParts);

    /// <summary>
    /// Registers, under the division's name: <see cref="ExactOnlineClient"/> behind the bearer token of its
    /// <see cref="ExactOnlineSession"/> (refreshed on expiry and on 401), retries and pacing by Exact's rate-limit headers
    /// (<see cref="ExactOnlineRateLimits"/>); <see cref="ExactOnlineSyncConnector"/>, which counts every call that
    /// reaches the wire; and its webhooks: the change source that keeps the subscriptions, the receiver of the
    /// notifications, and the check of their settings when notifications are on (<see cref="ExactOnlineWebhookSettings"/>).
    /// </summary>
    private static void AddParts(SystemInstance<ExactOnlineOptions> division)
    {
        var name = division.Name;
        var path = division.Source.PathOf(name);
        division.Services.AddSingleton<IValidateOptions<ExactOnlineOptions>>(provider => new SettingsValidator<ExactOnlineOptions>(name, options =>
            ExactOnlineWebhookSettings.Validate(options, provider.GetRequiredService<IOptions<SyncNotificationOptions>>().Value, path)));
        RefreshTokenSettings.AddStore<IExactOnlineTokenStore, ExactOnlineOptions>(division, _ => true, "the refresh token from authorising the app once (authorization-code flow); set RefreshTokenFile to keep its rotations.", file => file, (token, advice) => new InMemoryExactOnlineTokenStore(token) { RenewalAdvice = advice });
        division.AddPart(provider => new ExactOnlineRateLimits())
            .AddPart(provider => new ExactOnlineSession(division.Clients(provider), division.Snapshot(provider), division.Get<IExactOnlineTokenStore>(provider), provider.GetRequiredService<TimeProvider>()))
            .AddLoginClient(ExactOnlineSession.LoginClient)
            .AddApiClient<ExactOnlineClient>(
                provider => new BearerTokenHandler<ExactOnlineToken>(division.Get<ExactOnlineSession>(provider)),
                provider => new ExactOnlineRateLimitHandler(division.Get<ExactOnlineRateLimits>(provider), provider.GetRequiredService<TimeProvider>()))
            .AddPart(provider => new ExactOnlineClient(division.Http(provider), division.Get<ExactOnlineSession>(provider), division.Snapshot(provider)))
            .AddConnector(provider => new ExactOnlineSyncConnector(
                division.Get<ExactOnlineClient>(provider),
                division.Get<ExactOnlineRateLimits>(provider),
                provider.GetRequiredService<TimeProvider>(),
                division.Get<ApiCallCounter<ExactOnlineClient>>(provider)) { System = name })
            .AddChangeSource(provider => new ExactOnlineChangeSource(
                name,
                new ExactOnlineWebhookSubscriptions(division.Get<ExactOnlineClient>(provider)),
                provider.GetRequiredService<IOptions<SyncNotificationOptions>>().Value.CallbackUrlFor(name),
                division.Options(provider).WebhookCheckInterval,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<ExactOnlineChangeSource>>()))
            .AddWebhookReceiver(provider => new ExactOnlineWebhookReceiver(
                name,
                division.Options(provider).WebhookSecret,
                provider.GetRequiredService<ISyncChangeNotifications>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<ExactOnlineWebhookReceiver>>()));
    }

    private static RequiredSettings Required(ExactOnlineOptions options, RequiredSettings required) => required
        .Require(options.BaseUrl is not null, "BaseUrl", "the Exact Online site of the country, e.g. https://start.exactonline.nl.")
        .Require(options.ClientId.Length > 0, "ClientId", "the app's client id from the App Center.")
        .Require(options.ClientSecret.Length > 0, "ClientSecret", "the app's client secret.");
}
