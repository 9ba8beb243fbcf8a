using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// Checked when the host starts, before the background sync: every entity with enabled flows has an
/// <see cref="IHostStore{TEntity}"/>, unless it syncs inside its parent's records (order lines), and every system its
/// flows name has a connector. The start stops with a message naming each part missing, instead of the first sync
/// failing on the first one. A host that only resolves the engine (a test, a tool) is not checked.
/// </summary>
internal sealed class FlowPartsCheck(IServiceProvider services, ISyncModel model, IEnumerable<SesamTalkSystem> systems, IOptions<SyncEngineOptions> engineOptions) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var missing = Missing(engineOptions.Value);
        return missing.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException("SesamTalk cannot start:" + string.Concat(missing.Select(line => Environment.NewLine + "- " + line)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Each part the flows need that is not registered, in the model's order.</summary>
    private List<string> Missing(SyncEngineOptions options)
    {
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var registered = systems.Select(system => system.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        foreach (var entity in model.Entities)
        {
            var flows = entity.Mappers.Select(mapper => mapper.Target).Where(target => options.ForFlow(entity.Name, target).Enabled).ToList();
            if (flows.Count == 0)
            {
                continue;
            }

            if (!ChildEntities.IsChild(model, entity) && !isService.IsService(typeof(IHostStore<>).MakeGenericType(entity.EntityType)))
            {
                missing.Add($"{entity.Name} has flows but no IHostStore<{entity.EntityType.Name}> is registered: register one, e.g. services.AddSingleton<IHostStore<{entity.EntityType.Name}>>(...), or keep it in EF Core with UseEntityFrameworkCore<TContext>().");
            }

            missing.AddRange(flows.Where(target => !registered.Contains(target.System) && !HasConnector(target.System)).Select(target =>
                $"{entity.Name} syncs with {target}, but no system named {target.System} is registered: add it on services.AddSesamTalk(), e.g. AddSalesforce(section, \"{target.System}\") or AddCustomSystem(\"{target.System}\", section), or turn the flow off (Enabled = false in its flow options)."));
        }

        return missing.Distinct().ToList();
    }

    /// <summary>A connector the host registered itself, without the builder (tests, a system of its own).</summary>
    private bool HasConnector(string system) =>
        services.GetServices<ISyncConnector>().Any(connector => string.Equals(connector.System, system, StringComparison.OrdinalIgnoreCase));
}
