using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SesamTalk;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.Http;
using SesamTalk.Connectors.LinkStore;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Connectors.Salesforce.ChangeEvents;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds a Salesforce org on <c>services.AddSesamTalk()</c>. Each org is named (<c>Salesforce</c> unless given), so a
/// host can sync with two orgs, each with its own options, catalog, HttpClient and flows:
/// <c>AddSalesforce("SalesforceEU", section)</c> and <c>[SyncsWith("SalesforceEU", "Account")]</c>.
/// </summary>
public static class SalesforceBuilderExtensions
{
    /// <summary>The name of an org added without one.</summary>
    public const string DefaultName = "Salesforce";

    /// <summary>Adds the org <c>Salesforce</c> with its options from <paramref name="section"/> (e.g. <c>SesamTalk:Salesforce</c>).</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="section">The org's section.</param>
    public static SesamTalkBuilder AddSalesforce(this SesamTalkBuilder builder, IConfiguration section) =>
        builder.AddSalesforce(DefaultName, section);

    /// <summary>Adds the org <c>Salesforce</c> with the options <paramref name="configure"/> sets.</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="configure">Sets the org's options.</param>
    public static SesamTalkBuilder AddSalesforce(this SesamTalkBuilder builder, Action<SalesforceOptions> configure) =>
        builder.AddSalesforce(DefaultName, configure);

    /// <summary>Adds the org <paramref name="name"/> with its options from <paramref name="section"/>.</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="name">The org's name, as in <c>[SyncsWith(name, ...)]</c>.</param>
    /// <param name="section">The org's section, e.g. <c>SesamTalk:SalesforceEU</c>.</param>
    public static SesamTalkBuilder AddSalesforce(this SesamTalkBuilder builder, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(builder, name, options => options.Bind(section), SettingsPath.Of(section));
    }

    /// <summary>Adds the org <paramref name="name"/> with the options <paramref name="configure"/> sets.</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="name">The org's name, as in <c>[SyncsWith(name, ...)]</c>.</param>
    /// <param name="configure">Sets the org's options.</param>
    public static SesamTalkBuilder AddSalesforce(this SesamTalkBuilder builder, string name, Action<SalesforceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(builder, name, options => options.Configure(configure), name);
    }

    /// <summary>
    /// Registers, under the org's name: <see cref="SalesforceClient"/> behind the bearer token of its
    /// <see cref="SalesforceSession"/>, retries and the daily-reserve check of its <see cref="SalesforceApiUsage"/>; the
    /// bulk job log (<see cref="SalesforceBulkJobDirectory"/> in <see cref="SalesforceOptions.BulkJobLog"/> unless the
    /// host registered an <see cref="ISalesforceBulkJobLog"/> under the name first); and
    /// <see cref="SalesforceSyncConnector"/>, which counts every call that reaches the wire; its
    /// <see cref="SalesforceChangeEventSubscriber"/> (Pub/Sub API), created when first asked for; and its change source,
    /// which the engine runs when notifications are on, keeping its replay id in the link store.
    /// </summary>
    private static SesamTalkBuilder Add(SesamTalkBuilder builder, string name, Action<OptionsBuilder<SalesforceOptions>> source, string path)
    {
        var org = SystemInstance<SalesforceOptions>.Add(builder, name, source, options => Validate(options, path));
        org.AddPart(provider => new SalesforceApiUsage())
            .AddPart(provider => new SalesforceSession(org.Clients(provider), org.Snapshot(provider), provider.GetRequiredService<TimeProvider>()))
            .AddPart<ISalesforceBulkJobLog>(provider => new SalesforceBulkJobDirectory(org.Options(provider).BulkJobLog, provider.GetRequiredService<TimeProvider>()))
            .AddLoginClient(SalesforceSession.LoginClient)
            .AddApiClient<SalesforceClient>(
                provider => new BearerTokenHandler<SalesforceToken>(org.Get<SalesforceSession>(provider)),
                provider => new SalesforceLimitHandler(org.Get<SalesforceApiUsage>(provider), org.Options(provider).DailyCallReserve, provider.GetRequiredService<TimeProvider>()))
            .AddPart(provider => new SalesforceClient(org.Http(provider), org.Get<SalesforceSession>(provider), org.Snapshot(provider)))
            .AddPart(provider => new SalesforceChangeEventSubscriber(
                org.Get<SalesforceSession>(provider),
                org.Snapshot(provider),
                provider.GetRequiredService<ILogger<SalesforceChangeEventSubscriber>>(),
                provider.GetRequiredService<TimeProvider>()))
            .AddConnector(provider => new SalesforceSyncConnector(
                org.Get<SalesforceClient>(provider),
                org.Get<SalesforceApiUsage>(provider),
                org.Get<ApiCallCounter<SalesforceClient>>(provider),
                org.Snapshot(provider),
                org.Get<ISalesforceBulkJobLog>(provider),
                provider.GetRequiredService<TimeProvider>()) { System = name })
            .AddChangeSource(provider => new SalesforceChangeSource(
                name,
                org.Get<SalesforceChangeEventSubscriber>(provider),
                provider.GetService<ILinkStore>() as IChangeSubscriptionStore,
                org.Options(provider).MaxRetryDelay,
                provider.GetRequiredService<ILogger<SalesforceChangeSource>>(),
                provider.GetRequiredService<TimeProvider>()));
        return builder;
    }

    private static ValidateOptionsResult Validate(SalesforceOptions options, string path) => new RequiredSettings(path)
        .Require(options.LoginUrl is not null, "LoginUrl", "the org's login URL (https://login.salesforce.com, https://test.salesforce.com or its My Domain URL).")
        .Require(options.ClientId.Length > 0, "ClientId", "the connected app's consumer key.")
        .Require(options.JwtBearer is not null || options.ClientSecret.Length > 0, "ClientSecret", "the connected app's consumer secret (or configure JwtBearer to sign in with a certificate).")
        .Require(options.JwtBearer is not { Username.Length: 0 }, "JwtBearer:Username", "the Salesforce user the app acts as.")
        .Require(options.JwtBearer is null || options.JwtBearer.PrivateKeyPem is { Length: > 0 } || options.JwtBearer.Certificate is not null, "JwtBearer:PrivateKeyPem", "the PEM of the key whose certificate the connected app holds.")
        .Result();
}
