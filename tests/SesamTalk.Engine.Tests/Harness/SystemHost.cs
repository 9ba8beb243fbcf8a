using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Testing.Host;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>
/// A host app with one entity, syncing with one real system's emulator through its connector: the engine, an
/// in-memory host store and a SQLite link store in a temp directory.
/// </summary>
public sealed class SystemHost<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly string _directory;
    private readonly ServiceProvider _provider;

    public SystemHost(InMemoryHostStore<TEntity> store, Action<IServiceCollection> connect)
    {
        Store = store;
        _directory = Directory.CreateTempSubdirectory("sesamtalk-system-").FullName;
        var services = new ServiceCollection();
        services.AddSingleton<IHostStore<TEntity>>(store);
        connect(services);
        services.AddSesamTalk().AddEngine().UseSqliteLinkStore(Path.Combine(_directory, "links.db"));
        _provider = services.BuildServiceProvider();
    }

    public InMemoryHostStore<TEntity> Store { get; }

    public TalkClient Talk => _provider.GetRequiredService<TalkClient>();

    public ILinkStore Links => _provider.GetRequiredService<ILinkStore>();

    /// <summary>The host's services, for what a test adds through <c>connect</c> (health checks, logs).</summary>
    public IServiceProvider Services => _provider;

    /// <summary>Runs cycles until one runs to the end (a fault stops a cycle at its checkpoint; the next resumes there).</summary>
    public async Task<List<SyncFlowReport>> SyncUntilCleanAsync(Func<TalkClient, Task<SyncReport>> sync, int maxCycles = 8)
    {
        var reports = new List<SyncFlowReport>();
        for (var cycle = 0; cycle < maxCycles; cycle++)
        {
            var report = (await sync(Talk)).Flows.Single();
            reports.Add(report);
            if (!report.Stopped)
            {
                return reports;
            }
        }

        throw new InvalidOperationException($"No clean cycle in {maxCycles}: {reports[^1].StopReason}");
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
