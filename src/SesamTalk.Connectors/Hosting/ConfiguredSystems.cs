using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Custom;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Connectors.SuperOffice;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// Registers remote systems on <c>services.AddSesamTalk()</c> with their options bound from configuration and checked
/// when the host starts: a missing setting stops the start with a message that names it, e.g.
/// <c>SesamTalk:Salesforce:ClientId is not set: the connected app's consumer key.</c>
/// </summary>
public static class ConfiguredSystems
{
    /// <summary>Adds Salesforce with <see cref="SalesforceOptions"/> from <paramref name="section"/> (e.g. <c>SesamTalk:Salesforce</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The system's section.</param>
    public static SesamTalkBuilder AddSalesforce(this SesamTalkBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddSalesforceConnector(section.Bind);
        return Checked<SalesforceOptions>(builder, "Salesforce", section, null, options => new RequiredSettings(Path(section))
            .Require(options.LoginUrl is not null, "LoginUrl", "the org's login URL (https://login.salesforce.com, https://test.salesforce.com or its My Domain URL).")
            .Require(options.ClientId.Length > 0, "ClientId", "the connected app's consumer key.")
            .Require(options.JwtBearer is not null || options.ClientSecret.Length > 0, "ClientSecret", "the connected app's consumer secret (or configure JwtBearer to sign in with a certificate).")
            .Require(options.JwtBearer is not { Username.Length: 0 }, "JwtBearer:Username", "the Salesforce user the app acts as.")
            .Require(options.JwtBearer is null || options.JwtBearer.PrivateKeyPem is { Length: > 0 } || options.JwtBearer.Certificate is not null, "JwtBearer:PrivateKeyPem", "the PEM of the key whose certificate the connected app holds.")
            .Result());
    }

    /// <summary>
    /// Adds Exact Online with <see cref="ExactOnlineOptions"/> from <paramref name="section"/> (e.g. <c>SesamTalk:ExactOnline</c>);
    /// the refresh token comes from <c>RefreshToken</c> and, once rotated, from <c>RefreshTokenFile</c> when that is set.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The system's section.</param>
    public static SesamTalkBuilder AddExactOnline(this SesamTalkBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddExactOnlineConnector(section.Bind);
        builder.Services.TryAddSingleton<IExactOnlineTokenStore>(_ =>
            TokenFile(section) ?? (IExactOnlineTokenStore)new InMemoryExactOnlineTokenStore(section["RefreshToken"]) { RenewalAdvice = InMemoryAdvice(section) });
        return Checked<ExactOnlineOptions>(builder, "ExactOnline", section, null, options => new RequiredSettings(Path(section))
            .Require(options.BaseUrl is not null, "BaseUrl", "the Exact Online site of the country, e.g. https://start.exactonline.nl.")
            .Require(options.ClientId.Length > 0, "ClientId", "the app's client id from the App Center.")
            .Require(options.ClientSecret.Length > 0, "ClientSecret", "the app's client secret.")
            .Require(HasRefreshToken(section), "RefreshToken", "the refresh token from authorising the app once (authorization-code flow); set RefreshTokenFile to keep its rotations.")
            .Result());
    }

    /// <summary>
    /// Adds SuperOffice with <see cref="SuperOfficeOptions"/> from <paramref name="section"/> (e.g. <c>SesamTalk:SuperOffice</c>);
    /// the refresh token comes from <c>RefreshToken</c> and, once rotated, from <c>RefreshTokenFile</c> when that is set.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The system's section.</param>
    public static SesamTalkBuilder AddSuperOffice(this SesamTalkBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddSuperOfficeConnector(section.Bind);
        builder.Services.TryAddSingleton<ISuperOfficeTokenStore>(_ =>
            TokenFile(section) ?? (ISuperOfficeTokenStore)new InMemorySuperOfficeTokenStore(section["RefreshToken"]) { RenewalAdvice = InMemoryAdvice(section) });
        return Checked<SuperOfficeOptions>(builder, "SuperOffice", section, null, options => new RequiredSettings(Path(section))
            .Require(options.LoginBaseUrl is not null, "LoginBaseUrl", "the SuperOffice environment, e.g. https://online.superoffice.com (sod., stage. or online.).")
            .Require(options.ApiUrl is not null || options.Tenant is { Length: > 0 }, "Tenant", "the tenant's context identifier, e.g. Cust12345 (or set ApiUrl).")
            .Require(options.ClientId.Length > 0, "ClientId", "the app's client id from the Developer Portal.")
            .Require(options.ClientSecret.Length > 0, "ClientSecret", "the app's client secret.")
            .Require(options.SystemUser is not null || HasRefreshToken(section), "RefreshToken", "the refresh token from authorising the app once (set RefreshTokenFile to keep it across restarts), or configure SystemUser.")
            .Require(options.SystemUser is not { SystemToken.Length: 0 }, "SystemUser:SystemToken", "the tenant's system token (the system_token claim of the administrator's id_token).")
            .Require(options.SystemUser is not { PrivateKeyPem.Length: 0 }, "SystemUser:PrivateKeyPem", "the PEM of the app's RSA key whose public half SuperOffice holds.")
            .Result());
    }

    /// <summary>Adds a custom system speaking the custom-system contract, with <see cref="CustomConnectorOptions"/> from <paramref name="section"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="system">The system's name, as in <c>[SyncsWith(system, ...)]</c>.</param>
    /// <param name="section">The system's section, e.g. <c>SesamTalk:Custom:Customcrm</c>.</param>
    public static SesamTalkBuilder AddCustomSystem(this SesamTalkBuilder builder, string system, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(system);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddCustomSystemConnector(system, section.Bind);
        return Checked<CustomConnectorOptions>(builder, system, section, system, options => new RequiredSettings(Path(section))
            .Require(options.BaseUrl is not null, "BaseUrl", $"the root URL of {system}'s API.")
            .Require(options.ApiKey.Length > 0, "ApiKey", $"the API key {system} issued for SesamTalk.")
            .Result());
    }

    private static SesamTalkBuilder Checked<TOptions>(SesamTalkBuilder builder, string system, IConfiguration section, string? name, Func<TOptions, ValidateOptionsResult> validate)
        where TOptions : class
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(name, validate));
        builder.Services.AddOptions<TOptions>(name ?? Options.DefaultName).ValidateOnStart();
        builder.Services.AddSingleton(new SesamTalkSystem(system));
        return builder;
    }

    private static RefreshTokenFile? TokenFile(IConfiguration section) =>
        section["RefreshTokenFile"] is { Length: > 0 } file ? new RefreshTokenFile(file, section["RefreshToken"], $"{Path(section)}:RefreshToken") : null;

    private static string InMemoryAdvice(IConfiguration section) =>
        $"Put the new refresh token in {Path(section)}:RefreshToken and restart; set {Path(section)}:RefreshTokenFile to keep the tokens it rotates to across restarts.";

    private static bool HasRefreshToken(IConfiguration section) =>
        section["RefreshToken"] is { Length: > 0 } || (section["RefreshTokenFile"] is { Length: > 0 } file && File.Exists(file));

    private static string Path(IConfiguration section) => section is IConfigurationSection named ? named.Path : "SesamTalk";
}
