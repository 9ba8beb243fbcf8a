using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesamTalk;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.Http;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Connectors.SuperOffice.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds a SuperOffice tenant on <c>services.AddSesamTalk()</c>. Each is named (<c>SuperOffice</c> unless given), so a
/// host can sync with two, each with its own options, token store, HttpClient and flows.
/// </summary>
public static class SuperOfficeBuilderExtensions
{
    /// <summary>The name of a tenant added without one.</summary>
    public const string DefaultName = "SuperOffice";

    // SuperOffice retries one event within seconds (1 s, then 4 s); an hour, or the last 10,000 events, covers that with room to spare.
    private const int RecentEventCapacity = 10_000;
    private static readonly TimeSpan RecentEventWindow = TimeSpan.FromHours(1);

    /// <summary>
    /// Adds the tenant <paramref name="name"/> (<see cref="DefaultName"/> unless given) with its options from
    /// <paramref name="section"/> (e.g. <c>SesamTalk:SuperOffice</c>); the refresh token comes from <c>RefreshToken</c>
    /// and, once rotated, from <c>RefreshTokenFile</c> when that is set.
    /// </summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="section">The tenant's section.</param>
    /// <param name="name">The tenant's name, as in <c>[SyncsWith(name, ...)]</c>; null for <see cref="DefaultName"/>.</param>
    public static SesamTalkBuilder AddSuperOffice(this SesamTalkBuilder builder, IConfiguration section, string? name = null) =>
        SystemInstance<SuperOfficeOptions>.Add(builder, name ?? DefaultName, OptionsSource<SuperOfficeOptions>.Of(section), Required, AddParts);

    /// <summary>
    /// Adds the tenant <paramref name="name"/> (<see cref="DefaultName"/> unless given) with the options
    /// <paramref name="configure"/> sets; unless it signs in as the system user, the host registers its
    /// <see cref="ISuperOfficeTokenStore"/> under the name (<c>services.AddKeyedSingleton&lt;ISuperOfficeTokenStore&gt;("SuperOffice", store)</c>).
    /// </summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="configure">Sets the tenant's options.</param>
    /// <param name="name">The tenant's name, as in <c>[SyncsWith(name, ...)]</c>; null for <see cref="DefaultName"/>.</param>
    public static SesamTalkBuilder AddSuperOffice(this SesamTalkBuilder builder, Action<SuperOfficeOptions> configure, string? name = null) =>
        SystemInstance<SuperOfficeOptions>.Add(builder, name ?? DefaultName, OptionsSource<SuperOfficeOptions>.Of(configure), Required, AddParts);

    /// <summary>
    /// Registers, under the tenant's name: <see cref="SuperOfficeClient"/> behind the bearer token of its
    /// <see cref="SuperOfficeSession"/> (refreshed on expiry and on 401) and retries; and
    /// <see cref="SuperOfficeSyncConnector"/>, which counts every call that reaches the wire; and, run or mounted only
    /// when notifications are on, the webhook's change source and receiver, whose <c>WebhookSecret</c> is then required.
    /// </summary>
    private static void AddParts(SystemInstance<SuperOfficeOptions> tenant)
    {
        var name = tenant.Name;
        var path = tenant.Source.PathOf(name);
        tenant.Services.AddSingleton<IValidateOptions<SuperOfficeOptions>>(provider => new SettingsValidator<SuperOfficeOptions>(name, options => new RequiredSettings(path)
            .Require(!provider.GetRequiredService<IOptions<SyncNotificationOptions>>().Value.Enabled || options.WebhookSecret.Length > 0,
                "WebhookSecret", "a long random secret SuperOffice signs its webhook posts with (SesamTalk:Notifications:Enabled is true).")
            .Result()));
        RefreshTokenSettings.AddStore<ISuperOfficeTokenStore, SuperOfficeOptions>(tenant, settings => settings.SystemUser is null, "the refresh token from authorising the app once (set RefreshTokenFile to keep it across restarts), or configure SystemUser.", file => file, (token, advice) => new InMemorySuperOfficeTokenStore(token) { RenewalAdvice = advice });
        tenant.AddPart(provider => new SuperOfficeSession(
                tenant.Clients(provider),
                tenant.Snapshot(provider),
                // A tenant that signs in as the system user has no refresh token to keep.
                provider.GetKeyedService<ISuperOfficeTokenStore>(name) ?? new InMemorySuperOfficeTokenStore(),
                provider.GetRequiredService<TimeProvider>()))
            .AddLoginClient(SuperOfficeSession.LoginClient)
            .AddApiClient<SuperOfficeClient>(provider => new BearerTokenHandler<SuperOfficeToken>(tenant.Get<SuperOfficeSession>(provider)), limits: null)
            .AddPart(provider => new SuperOfficeClient(tenant.Http(provider), tenant.Get<SuperOfficeSession>(provider), tenant.Snapshot(provider)))
            .AddConnector(provider => new SuperOfficeSyncConnector(tenant.Get<SuperOfficeClient>(provider), tenant.Get<ApiCallCounter<SuperOfficeClient>>(provider)) { System = name })
            .AddChangeSource(provider => new SuperOfficeChangeSource(
                name,
                new SuperOfficeWebhookApi(tenant.Http(provider), tenant.Get<SuperOfficeSession>(provider)),
                provider.GetRequiredService<IOptions<SyncNotificationOptions>>().Value.CallbackUrlFor(name),
                tenant.Options(provider).WebhookSecret,
                tenant.Options(provider).WebhookCheckInterval,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<SuperOfficeChangeSource>>()))
            .AddWebhookReceiver(provider => new SuperOfficeWebhookReceiver(
                name,
                tenant.Options(provider).WebhookSecret,
                tenant.Options(provider).Tenant is { Length: > 0 } context ? context : SuperOfficeWebhookReceiver.ContextIdentifierOf(tenant.Get<SuperOfficeSession>(provider).ApiUrl),
                provider.GetRequiredService<ISyncChangeNotifications>(),
                new RecentDeliveries(RecentEventWindow, RecentEventCapacity, provider.GetRequiredService<TimeProvider>(), StringComparer.OrdinalIgnoreCase),
                provider.GetRequiredService<ILogger<SuperOfficeWebhookReceiver>>()));
    }

    private static RequiredSettings Required(SuperOfficeOptions options, RequiredSettings required) => required
        .Require(options.LoginBaseUrl is not null, "LoginBaseUrl", "the SuperOffice environment, e.g. https://online.superoffice.com (sod., stage. or online.).")
        .Require(options.ApiUrl is not null || options.Tenant is { Length: > 0 }, "Tenant", "the tenant's context identifier, e.g. Cust12345 (or set ApiUrl).")
        .Require(options.ClientId.Length > 0, "ClientId", "the app's client id from the Developer Portal.")
        .Require(options.ClientSecret.Length > 0, "ClientSecret", "the app's client secret.")
        .Require(options.SystemUser is not { SystemToken.Length: 0 }, "SystemUser:SystemToken", "the tenant's system token (the system_token claim of the administrator's id_token).")
        .Require(options.SystemUser is not { PrivateKeyPem.Length: 0 }, "SystemUser:PrivateKeyPem", "the PEM of the app's RSA key whose public half SuperOffice holds.");
}
