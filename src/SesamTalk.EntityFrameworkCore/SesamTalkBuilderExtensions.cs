using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SesamTalk;
using SesamTalk.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the EF Core host store on the SesamTalk builder.</summary>
public static class SesamTalkBuilderExtensions
{
    /// <summary>
    /// Gives every synced entity of the model (except children such as order lines, which are saved with their parent)
    /// an <see cref="IHostStore{TEntity}"/> and an <see cref="IHostBatchStore{TEntity}"/> over <typeparamref name="TContext"/>, and makes the contexts the service
    /// provider creates stamp their changes (<see cref="DbContextOptionsBuilderExtensions.UseSesamTalk(DbContextOptionsBuilder, TimeProvider?)"/>). Register
    /// the context (<c>AddDbContext</c>) as usual; an <see cref="IHostStore{TEntity}"/> registered before this call
    /// is kept, for entities the context does not map. Those contexts also tell the engine of each committed save of
    /// synced records (<see cref="ISyncEngine.NotifyChangedAsync"/>), so with change notifications on the records leave
    /// within seconds, and the entities' host side counts as notifying (<see cref="SyncNotifyingHost"/>).
    /// </summary>
    /// <typeparam name="TContext">The host's context; its <c>OnModelCreating</c> calls <c>modelBuilder.AddSesamTalk(...)</c>.</typeparam>
    /// <param name="builder">The SesamTalk builder.</param>
    /// <returns>The builder.</returns>
    public static SesamTalkBuilder UseEntityFrameworkCore<TContext>(this SesamTalkBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ChangeStampInterceptor(provider.GetRequiredService<TimeProvider>(), new SaveNotifier(provider)));
        services.ConfigureDbContext<TContext>((provider, options) => DbContextOptionsBuilderExtensions.UseStamping(options, provider.GetRequiredService<ChangeStampInterceptor>()));
        services.TryAddSingleton<ContextSource<TContext>>();
        foreach (var entity in SyncModelShape.Roots(builder.Model))
        {
            // One store instance serves both contracts; a host's own IHostStore<T> keeps the entity off this store.
            var hostStore = typeof(IHostStore<>).MakeGenericType(entity.EntityType);
            if (services.Any(service => service.ServiceType == hostStore))
            {
                continue;
            }

            var store = typeof(EntityFrameworkHostStore<,>).MakeGenericType(typeof(TContext), entity.EntityType);
            services.AddSingleton(store);
            services.AddSingleton(hostStore, provider => provider.GetRequiredService(store));
            services.AddSingleton(typeof(IHostBatchStore<>).MakeGenericType(entity.EntityType), provider => provider.GetRequiredService(store));
            services.AddSingleton(new SyncNotifyingHost(entity.Name));
        }

        return builder;
    }
}
