using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Dashboard;

/// <summary>One SesamTalk container the dashboard shows: its model, engine, link store, connectors and health.</summary>
public sealed class DashboardHost
{
    internal DashboardHost(string name, IServiceProvider services)
    {
        Name = name;
        Services = services;
    }

    /// <summary>The name the pages show (empty for the app's own container when it is the only one).</summary>
    public string Name { get; }

    /// <summary>The container.</summary>
    public IServiceProvider Services { get; }

    internal ISyncModel Model => Services.GetRequiredService<ISyncModel>();

    internal ISyncEngine Engine => Services.GetRequiredService<ISyncEngine>();

    internal ILinkStore Links => Services.GetRequiredService<ILinkStore>();

    /// <summary>The link store's history of cycles (the overview's last cycle, a flow's chart and list).</summary>
    internal ICycleHistoryStore History => Links as ICycleHistoryStore ?? throw Unsupported(nameof(ICycleHistoryStore));

    /// <summary>The link store's queries and fixes for operators (links a page at a time and by match value, conflicts by time, drop).</summary>
    internal ILinkStoreOperations Operations => Links as ILinkStoreOperations ?? throw Unsupported(nameof(ILinkStoreOperations));

    internal IEnumerable<ISyncConnector> Connectors => Services.GetServices<ISyncConnector>();

    internal SyncHealthRegistry? Health => Services.GetService<SyncHealthRegistry>();

    internal SyncEngineOptions EngineOptions => Services.GetService<IOptions<SyncEngineOptions>>()?.Value ?? new SyncEngineOptions();

    /// <summary>Every flow of the model: one per entity and remote target.</summary>
    internal IEnumerable<FlowRef> Flows =>
        Model.Entities.SelectMany(entity => entity.Mappers.Select(mapper => new FlowRef(Name, new SyncFlowId(entity.Name, mapper.Target))));

    private InvalidOperationException Unsupported(string what) =>
        new($"The dashboard needs a link store that implements {what}; the registered {Links.GetType().Name} does not. SesamTalk's SQLite and PostgreSQL link stores do.");
}
