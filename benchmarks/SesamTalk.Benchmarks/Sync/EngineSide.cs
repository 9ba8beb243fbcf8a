using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// The engine as a host runs it: its container with the connector, the SQLite host store and the real SQLite link
/// store on a file, the engine's defaults; a scenario is one cycle of the entity (<see cref="ISyncEngine.SyncAsync"/>).
/// </summary>
internal sealed class EngineSide<TEntity> : IScenarioSide
    where TEntity : class, IBenchRecord, new()
{
    private readonly ServiceProvider _services;
    private readonly SqliteHostStore<TEntity> _store;
    private readonly ISyncEntityDefinition<TEntity> _entity;

    private EngineSide(ServiceProvider services, SqliteHostStore<TEntity> store, ISyncEntityDefinition<TEntity> entity)
    {
        _services = services;
        _store = store;
        _entity = entity;
    }

    public static async Task<IScenarioSide> StartAsync(ChildStart start, ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
    {
        var store = await SqliteHostStore<TEntity>.OpenAsync(start.HostStore, cancellationToken).ConfigureAwait(false);
        var services = new ServiceCollection()
            .AddSingleton<IHostStore<TEntity>>(store)
            .AddConnector(start);
        services.AddSesamTalk()
            .AddEngine()
            .UseSqliteLinkStore(start.LinkStore);
        return new EngineSide<TEntity>(services.BuildServiceProvider(), store, entity);
    }

    public async Task<SideFigures> RunAsync(string scenario, CancellationToken cancellationToken)
    {
        var engine = _services.GetRequiredService<ISyncEngine>();
        var report = await engine.SyncAsync(_entity, progress: null, cancellationToken).ConfigureAwait(false);
        var flow = report.Flows.Single();
        string?[] problems =
        [
            flow.Stopped ? "stopped: " + (flow.StopReason ?? "no reason given") : null,
            flow.Held ? "held by the mass-change breaker" : null,
            flow.Quarantined > 0 ? $"{flow.Quarantined} quarantined" : null,
        ];
        var stop = problems.Any(problem => problem is not null) ? string.Join("; ", problems.OfType<string>()) : null;
        return new SideFigures(flow.ApiCalls, flow.Linked, flow.Read, flow.Created, flow.Updated, flow.Unchanged, stop);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
    }
}
