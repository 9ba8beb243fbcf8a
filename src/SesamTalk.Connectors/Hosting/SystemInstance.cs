using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// One registered instance of a remote system (an org, a division, a tenant), as every system's registration adds it:
/// its options named after it, bound or configured and checked when the host starts; its HttpClients; its parts as
/// keyed services under its name; and its connector, which the engine finds by that name.
/// </summary>
/// <typeparam name="TOptions">The system's options.</typeparam>
internal sealed class SystemInstance<TOptions>
    where TOptions : class, IRetrySettings
{
    private SystemInstance(IServiceCollection services, string name, OptionsSource<TOptions> source)
    {
        Services = services;
        Name = name;
        Source = source;
    }

    /// <summary>The host's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The instance's name, as in <c>[SyncsWith(name, ...)]</c>.</summary>
    public string Name { get; }

    /// <summary>Where the instance's options come from.</summary>
    public OptionsSource<TOptions> Source { get; }

    /// <summary>The name of the instance's API client.</summary>
    public string ApiClient => "SesamTalk." + Name;

    /// <summary>
    /// Adds an instance of a system, as each of the system's registrations does: its options (from
    /// <paramref name="source"/>, checked against <paramref name="required"/> when the host starts, every missing setting
    /// named), its name for the health checks, a clock, and its parts (<paramref name="addParts"/>).
    /// </summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="name">The instance's name.</param>
    /// <param name="source">Where its options come from.</param>
    /// <param name="required">Notes the settings its options lack.</param>
    /// <param name="addParts">Adds its parts, client and connector.</param>
    public static SesamTalkBuilder Add(
        SesamTalkBuilder builder,
        string name,
        OptionsSource<TOptions> source,
        Func<TOptions, RequiredSettings, RequiredSettings> required,
        Action<SystemInstance<TOptions>> addParts)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var services = builder.Services;
        if (services.Any(descriptor => descriptor.ImplementationInstance is SesamTalkSystem system && string.Equals(system.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException(
                $"A system named {name} is registered already; give each instance a name of its own, e.g. AddSalesforce(section, \"SalesforceEU\"), and name it in [SyncsWith(\"SalesforceEU\", ...)].");
        }

        var path = source.PathOf(name);
        var options = services.AddOptions<TOptions>(name);
        source.Apply(options);
        services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(name, settings => required(settings, new RequiredSettings(path)).Result()));
        options.ValidateOnStart();
        services.AddSingleton(new SesamTalkSystem(name));
        services.TryAddSingleton(TimeProvider.System);
        addParts(new SystemInstance<TOptions>(services, name, source));
        return builder;
    }

    /// <summary>The instance's options.</summary>
    public TOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(Name);

    /// <summary>The instance's options as the parts that take <see cref="IOptions{TOptions}"/> want them.</summary>
    public IOptions<TOptions> Snapshot(IServiceProvider provider) => Microsoft.Extensions.Options.Options.Create(Options(provider));

    /// <summary>One of the instance's parts, registered under its name.</summary>
    public T Get<T>(IServiceProvider provider)
        where T : notnull => provider.GetRequiredKeyedService<T>(Name);

    /// <summary>The HttpClient factory the instance's session uses: its login client is the instance's own.</summary>
    public IHttpClientFactory Clients(IServiceProvider provider) => new InstanceHttpClients(provider.GetRequiredService<IHttpClientFactory>(), Name);

    /// <summary>Adds a part of the instance under its name, unless the host registered one first.</summary>
    public SystemInstance<TOptions> AddPart<T>(Func<IServiceProvider, T> create)
        where T : class
    {
        Services.TryAddKeyedSingleton(Name, (provider, _) => create(provider));
        return this;
    }

    /// <summary>Adds the instance's login client (named <paramref name="client"/> in its session), with the instance's retries.</summary>
    public SystemInstance<TOptions> AddLoginClient(string client)
    {
        Services.AddHttpClient(InstanceHttpClients.Name(client, Name)).AddRetries(Options);
        return this;
    }

    /// <summary>
    /// Adds the instance's API client and its <see cref="ApiCallCounter{TClient}"/>. Every system's pipeline has one
    /// order, outermost first: authentication (a token on each call, one re-authentication on 401), retries
    /// (Retry-After, backoff), the system's own limits (a quota reserve, rate-limit pacing), and the call count,
    /// which sees each call that reaches the wire.
    /// </summary>
    public SystemInstance<TOptions> AddApiClient<TClient>(Func<IServiceProvider, DelegatingHandler>? authentication, Func<IServiceProvider, DelegatingHandler>? limits)
    {
        var client = Services.AddHttpClient(ApiClient);
        if (authentication is not null)
        {
            client.AddHttpMessageHandler(authentication);
        }

        client.AddRetries(Options);
        if (limits is not null)
        {
            client.AddHttpMessageHandler(limits);
        }

        Services.TryAddKeyedSingleton<ApiCallCounter<TClient>>(Name);
        client.AddHttpMessageHandler(provider => new ApiCallCountingHandler<TClient>(Get<ApiCallCounter<TClient>>(provider)));
        return this;
    }

    /// <summary>An HttpClient of the instance's API client.</summary>
    public HttpClient Http(IServiceProvider provider) => provider.GetRequiredService<IHttpClientFactory>().CreateClient(ApiClient);

    /// <summary>Adds the instance's connector, under its name and among the engine's connectors.</summary>
    public SystemInstance<TOptions> AddConnector(Func<IServiceProvider, ISyncConnector> create)
    {
        Services.AddKeyedSingleton(Name, (provider, _) => create(provider));
        Services.AddSingleton(provider => provider.GetRequiredKeyedService<ISyncConnector>(Name));
        return this;
    }

    /// <summary>Adds the instance's change source (its subscription to the system's changes), run by the engine when notifications are on.</summary>
    public SystemInstance<TOptions> AddChangeSource(Func<IServiceProvider, ISyncChangeSource> create)
    {
        Services.AddKeyedSingleton(Name, (provider, _) => create(provider));
        Services.AddSingleton(provider => provider.GetRequiredKeyedService<ISyncChangeSource>(Name));
        return this;
    }

    /// <summary>Adds the instance's webhook receiver, which <c>MapSesamTalkNotifications</c> mounts under the instance's name.</summary>
    public SystemInstance<TOptions> AddWebhookReceiver(Func<IServiceProvider, ISyncWebhookReceiver> create)
    {
        Services.AddKeyedSingleton(Name, (provider, _) => create(provider));
        Services.AddSingleton(provider => provider.GetRequiredKeyedService<ISyncWebhookReceiver>(Name));
        return this;
    }
}
