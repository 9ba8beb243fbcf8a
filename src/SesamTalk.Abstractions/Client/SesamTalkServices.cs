using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SesamTalk;

/// <summary>What the generated <c>AddSesamTalk()</c> calls: registers a model and its typed client without reflection.</summary>
public static class SesamTalkServices
{
    /// <summary>Registers <paramref name="model"/> as <see cref="ISyncModel"/> and the typed client, built over the registered <see cref="ISyncEngine"/>.</summary>
    /// <typeparam name="TClient">The generated <c>TalkClient</c>.</typeparam>
    /// <param name="services">The host's service collection.</param>
    /// <param name="model">The generated model.</param>
    /// <param name="createClient">Builds the client over the engine.</param>
    /// <returns>The builder for the connector, link-store and engine registrations.</returns>
    public static SesamTalkBuilder Register<TClient>(IServiceCollection services, ISyncModel model, Func<ISyncEngine, TClient> createClient)
        where TClient : class
    {
        var registrations = services ?? throw new ArgumentNullException(nameof(services));
        registrations.TryAddSingleton(model);
        registrations.TryAddSingleton(provider => createClient(provider.GetRequiredService<ISyncEngine>()));
        return new SesamTalkBuilder(registrations, model);
    }
}
