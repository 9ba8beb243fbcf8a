using Microsoft.Extensions.DependencyInjection;

namespace SesamTalk;

/// <summary>
/// Returned by the generated <c>services.AddSesamTalk()</c>; connector, link-store and engine packages add their
/// registration methods to it as extension methods.
/// </summary>
public sealed class SesamTalkBuilder
{
    /// <summary>Creates the builder.</summary>
    /// <param name="services">The host's service collection.</param>
    /// <param name="model">The generated model of the host's entities.</param>
    public SesamTalkBuilder(IServiceCollection services, ISyncModel model)
    {
        Services = services ?? throw new ArgumentNullException(nameof(services));
        Model = model ?? throw new ArgumentNullException(nameof(model));
    }

    /// <summary>
    /// Creates a builder with no entities, to register systems for their clients alone (a tool that reads a catalog, a
    /// test of a connector): <c>new SesamTalkBuilder(services).AddSalesforce(section)</c>.
    /// </summary>
    /// <param name="services">The host's service collection.</param>
    public SesamTalkBuilder(IServiceCollection services)
        : this(services, NoEntities.Model)
    {
    }

    /// <summary>The host's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The generated model of the host's entities.</summary>
    public ISyncModel Model { get; }

    private sealed class NoEntities : SyncModel
    {
        public static readonly NoEntities Model = new();
    }
}
