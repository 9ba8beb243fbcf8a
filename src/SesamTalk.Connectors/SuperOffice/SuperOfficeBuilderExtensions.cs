using Microsoft.Extensions.Configuration;
using SesamTalk;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.Http;
using SesamTalk.Connectors.SuperOffice;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds a SuperOffice tenant on <c>services.AddSesamTalk()</c>. Each is named (<c>SuperOffice</c> unless given), so a
/// host can sync with two, each with its own options, token store, HttpClient and flows.
/// </summary>
public static class SuperOfficeBuilderExtensions
{
    /// <summary>The name of a tenant added without one.</summary>
    public const string DefaultName = "SuperOffice";

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
    /// <see cref="SuperOfficeSyncConnector"/>, which counts every call that reaches the wire.
    /// </summary>
    private static void AddParts(SystemInstance<SuperOfficeOptions> tenant)
    {
        var name = tenant.Name;
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
            .AddConnector(provider => new SuperOfficeSyncConnector(tenant.Get<SuperOfficeClient>(provider), tenant.Get<ApiCallCounter<SuperOfficeClient>>(provider)) { System = name });
    }

    private static RequiredSettings Required(SuperOfficeOptions options, RequiredSettings required) => required
        .Require(options.LoginBaseUrl is not null, "LoginBaseUrl", "the SuperOffice environment, e.g. https://online.superoffice.com (sod., stage. or online.).")
        .Require(options.ApiUrl is not null || options.Tenant is { Length: > 0 }, "Tenant", "the tenant's context identifier, e.g. Cust12345 (or set ApiUrl).")
        .Require(options.ClientId.Length > 0, "ClientId", "the app's client id from the Developer Portal.")
        .Require(options.ClientSecret.Length > 0, "ClientSecret", "the app's client secret.")
        .Require(options.SystemUser is not { SystemToken.Length: 0 }, "SystemUser:SystemToken", "the tenant's system token (the system_token claim of the administrator's id_token).")
        .Require(options.SystemUser is not { PrivateKeyPem.Length: 0 }, "SystemUser:PrivateKeyPem", "the PEM of the app's RSA key whose public half SuperOffice holds.");
}
