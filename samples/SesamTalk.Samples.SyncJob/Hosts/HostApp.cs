using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>What both sample hosts share: a name, and a container holding the host's database, generated client and link store.</summary>
/// <typeparam name="TContext">The host's EF Core database.</typeparam>
/// <typeparam name="TTalk">The host assembly's generated <c>TalkClient</c>.</typeparam>
internal abstract class HostApp<TContext, TTalk> : IHostApp
    where TContext : DbContext
    where TTalk : class
{
    private readonly ServiceProvider _services;

    protected HostApp(string name, ServiceProvider services)
    {
        Name = name;
        _services = services;
    }

    public string Name { get; }

    public TTalk Talk => _services.GetRequiredService<TTalk>();

    public ILinkStore Links => _services.GetRequiredService<ILinkStore>();

    /// <summary>The host's container (its engine, link store, connectors), e.g. for the dashboard.</summary>
    public IServiceProvider Services => _services;

    /// <summary>A context on the host's database, as the app's own code opens one (its saves are stamped for the engine); dispose it.</summary>
    public Task<TContext> OpenDbAsync(CancellationToken cancellationToken) =>
        _services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync(cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a context of its own, as the app's own code would.</summary>
    public async Task<T> UseDbAsync<T>(Func<TContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var db = await OpenDbAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await work(db, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="work"/> on a context of its own, as the app's own code would.</summary>
    public Task UseDbAsync(Func<TContext, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        UseDbAsync<bool>(async (db, ct) =>
        {
            await work(db, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public abstract Task<SyncReport> SyncAllAsync(IProgress<SyncProgress> progress, CancellationToken cancellationToken);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>Creates the host's database when it is missing and saves the demo data into a new one.</summary>
    protected Task CreateDatabaseAsync(Func<TContext, CancellationToken, Task<bool>> seed, CancellationToken cancellationToken) =>
        UseDbAsync((db, ct) => _services.GetRequiredService<HostStorage>().CreateAsync(db, seed, ct), cancellationToken);
}
