using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Engine;

/// <summary>The host's side of change notifications.</summary>
public sealed partial class SyncEngine
{
    /// <inheritdoc />
    /// <remarks>
    /// Passes the saved ids to the engine's inbox (<see cref="ISyncChangeNotifications.HostChanged"/>), resolved when
    /// first needed; an engine built without it (outside <c>AddEngine</c>) has nothing to notify.
    /// </remarks>
    public Task NotifyChangedAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        _services.GetService<ISyncChangeNotifications>()?.HostChanged(entity.Name, ids);
        return Task.CompletedTask;
    }
}
