using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Custom;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Testing.Custom;
using SesamTalk.Tests.PostgreSql;

namespace SesamTalk.EntityFrameworkCore.Tests.Harness;

/// <summary>
/// A host app on a real database (a SQLite file, or a database of its own on a real PostgreSQL server): its context
/// registered as a host registers it, SesamTalk on top with one line, the engine syncing with an emulated custom system
/// ("Shop"), and contexts opened by hand as the app's own code does.
/// </summary>
public sealed class EfHost : IAsyncDisposable
{
    private readonly string _directory;
    private readonly Func<DbContextOptionsBuilder, DbContextOptionsBuilder> _useDatabase;
    private readonly ServiceProvider _provider;

    private EfHost(string directory, CustomSystemEmulator shop, string? postgreSql, Action<IServiceCollection>? configure)
    {
        _directory = directory;
        Shop = shop;
        ConnectionString = postgreSql ?? new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "shop.db"), Pooling = false, DefaultTimeout = 30 }.ToString();
        _useDatabase = postgreSql is null ? options => options.UseSqlite(ConnectionString) : options => options.UseNpgsql(ConnectionString);
        var services = new ServiceCollection();
        services.AddDbContext<ShopContext>(options => _useDatabase(options));
        configure?.Invoke(services);
        services.AddSesamTalk()
            .AddCustomSystem("Shop", options =>
            {
                options.BaseUrl = shop.BaseUrl;
                options.ApiKey = shop.ApiKey;
                options.MaxRetries = 0;
            })
            .AddEngine()
            .UseSqliteLinkStore(Path.Combine(directory, "links.db"))
            .UseEntityFrameworkCore<ShopContext>();
        _provider = services.BuildServiceProvider();
    }

    /// <summary>The emulated system the engine syncs with.</summary>
    public CustomSystemEmulator Shop { get; }

    /// <summary>The database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The generated client.</summary>
    public TalkClient Talk => _provider.GetRequiredService<TalkClient>();

    /// <summary>Starts the emulator and creates the database (as a migration would).</summary>
    /// <param name="configure">Registers services before SesamTalk's (a store of the test's own is kept).</param>
    public static Task<EfHost> StartAsync(Action<IServiceCollection>? configure = null) => StartAsync(postgreSql: null, configure);

    /// <summary>Starts the emulator and creates the tables in a new database of its own on <paramref name="server"/>.</summary>
    /// <param name="server">The run's PostgreSQL server.</param>
    /// <param name="configure">Registers services before SesamTalk's (a store of the test's own is kept).</param>
    public static async Task<EfHost> StartOnAsync(PostgreSqlServer server, Action<IServiceCollection>? configure = null) =>
        await StartAsync(await server.CreateDatabaseAsync(), configure);

    private static async Task<EfHost> StartAsync(string? postgreSql, Action<IServiceCollection>? configure)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sesamtalk-efcore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var host = new EfHost(directory, await CustomSystemEmulator.StartAsync(), postgreSql, configure);
        await using var context = host.NewContext();
        await context.Database.EnsureCreatedAsync();
        return host;
    }

    /// <summary>The store the engine uses for <typeparamref name="TEntity"/>.</summary>
    public IHostStore<TEntity> Store<TEntity>()
        where TEntity : class =>
        _provider.GetRequiredService<IHostStore<TEntity>>();

    /// <summary>The batch store the engine uses for <typeparamref name="TEntity"/>: the same store as <see cref="Store{TEntity}"/>.</summary>
    public IHostBatchStore<TEntity> BatchStore<TEntity>()
        where TEntity : class =>
        _provider.GetRequiredService<IHostBatchStore<TEntity>>();

    /// <summary>A scope of the host's services, for a context the service provider creates (as a request's is).</summary>
    public AsyncServiceScope Scope() => _provider.CreateAsyncScope();

    /// <summary>A service of the host's.</summary>
    public T Service<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>A context as the app's own code opens it, stamping its changes on <paramref name="clock"/>.</summary>
    public ShopContext NewContext(TimeProvider? clock = null) =>
        new((DbContextOptions<ShopContext>)_useDatabase(new DbContextOptionsBuilder<ShopContext>()).UseSesamTalk(clock).Options);

    /// <summary>Every change after <paramref name="after"/>.</summary>
    public async Task<List<HostChange<TEntity>>> ChangesAsync<TEntity>(HostCursor? after = null)
        where TEntity : class
    {
        var changes = new List<HostChange<TEntity>>();
        await foreach (var change in Store<TEntity>().GetChangesAsync(after, CancellationToken.None))
        {
            changes.Add(change);
        }

        return changes;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Shop.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow disk is left for the OS to clean up.
        }
    }
}
