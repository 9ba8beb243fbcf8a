using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// Checked when the host starts (with the engine's options): every entity with enabled flows has an
/// <see cref="IHostStore{TEntity}"/>, unless it syncs inside its parent's records (order lines), and every system its
/// flows name has a connector. The start stops with a message naming each part missing, instead of the first sync
/// failing on the first one.
/// </summary>
internal sealed class FlowPartsCheck(IServiceProvider services, ISyncModel model, IEnumerable<SesamTalkSystem> systems) : IValidateOptions<SyncEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncEngineOptions options)
    {
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

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
                $"{entity.Name} syncs with {target}, but no system named {target.System} is registered: add it on services.AddSesamTalk(), e.g. AddSalesforce(\"{target.System}\", section) or AddCustomSystem(\"{target.System}\", section), or turn the flow off (Enabled = false in its flow options)."));
        }

        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing.Distinct());
    }

    /// <summary>A connector the host registered itself, without the builder (tests, a system of its own).</summary>
    private bool HasConnector(string system) =>
        services.GetServices<ISyncConnector>().Any(connector => string.Equals(connector.System, system, StringComparison.OrdinalIgnoreCase));
}
