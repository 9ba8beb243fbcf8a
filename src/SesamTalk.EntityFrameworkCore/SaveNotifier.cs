using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>
/// Tells the engine which synced records a committed save changed (<see cref="ISyncEngine.NotifyChangedAsync"/>), so
/// their flows run within seconds when change notifications are on. The engine is resolved when first needed, not when
/// the context is built; a host without one is not told anything. A notification never fails the host's save: whatever
/// goes wrong is logged.
/// </summary>
internal sealed partial class SaveNotifier(IServiceProvider services)
{
    private static readonly MethodInfo NotifyTypedMethod = typeof(SaveNotifier).GetMethod(nameof(NotifyTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<Type, Func<ISyncEngine, ISyncEntityDefinition, IReadOnlyCollection<string>, CancellationToken, Task>> _notify = new();

    /// <summary>Notifies the engine of <paramref name="saved"/>, entity by entity.</summary>
    public async Task NotifyAsync(IEnumerable<(string Entity, string Id)> saved, CancellationToken cancellationToken)
    {
        try
        {
            if (services.GetService<ISyncEngine>() is not { } engine || services.GetService<ISyncModel>() is not { } model)
            {
                return;
            }

            foreach (var entity in saved.GroupBy(record => record.Entity, StringComparer.Ordinal))
            {
                if (model.Entities.FirstOrDefault(definition => definition.Name == entity.Key) is { } definition)
                {
                    var ids = entity.Select(record => record.Id).Distinct(StringComparer.Ordinal).ToList();
                    await Notify(definition.EntityType)(engine, definition, ids, cancellationToken).ConfigureAwait(false);
                }
            }
        }
#pragma warning disable CA1031 // The save is committed: nothing about the notification may fail it.
        catch (Exception error)
#pragma warning restore CA1031
        {
            NotifyFailed(services.GetService<ILogger<SaveNotifier>>() ?? (ILogger)NullLogger.Instance, error);
        }
    }

    [LoggerMessage(401, LogLevel.Warning, "SesamTalk could not notify the engine of a committed save; its flows see the change at their next poll")]
    private static partial void NotifyFailed(ILogger logger, Exception error);

    private Func<ISyncEngine, ISyncEntityDefinition, IReadOnlyCollection<string>, CancellationToken, Task> Notify(Type entityType) =>
        _notify.GetOrAdd(entityType, type => NotifyTypedMethod.MakeGenericMethod(type).CreateDelegate<Func<ISyncEngine, ISyncEntityDefinition, IReadOnlyCollection<string>, CancellationToken, Task>>());

    private static Task NotifyTypedAsync<TEntity>(ISyncEngine engine, ISyncEntityDefinition definition, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        where TEntity : class =>
        engine.NotifyChangedAsync((ISyncEntityDefinition<TEntity>)definition, ids, cancellationToken);
}
