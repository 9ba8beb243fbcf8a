using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.EntityFrameworkCore;

namespace SesamTalk.Samples.Tests.Storage;

/// <summary>
/// A sample host's database on a real temp file, registered as the sync job registers it: the context, the host's
/// generated <c>AddSesamTalk()</c> and <c>UseEntityFrameworkCore</c>, so <see cref="Store{TEntity}"/> is the engine's store.
/// </summary>
/// <typeparam name="TContext">The sample's context.</typeparam>
internal sealed class SampleDatabase<TContext> : IAsyncDisposable
    where TContext : DbContext
{
    private readonly TempDatabase _file = new();
    private readonly ServiceProvider _provider;

    private SampleDatabase(Func<IServiceCollection, SesamTalkBuilder> addSesamTalk)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = _file.Path, Pooling = false }.ToString();
        var services = new ServiceCollection().AddDbContext<TContext>(options => options.UseSqlite(connection));
        addSesamTalk(services).UseEntityFrameworkCore<TContext>();
        _provider = services.BuildServiceProvider();
    }

    /// <summary>Creates the database file and its schema.</summary>
    /// <param name="addSesamTalk">The sample's generated <c>AddSesamTalk()</c>.</param>
    public static async Task<SampleDatabase<TContext>> CreateAsync(Func<IServiceCollection, SesamTalkBuilder> addSesamTalk)
    {
        var database = new SampleDatabase<TContext>(addSesamTalk);
        await database.UseAsync(db => db.Database.EnsureCreatedAsync());
        return database;
    }

    /// <summary>The store the engine uses for <typeparamref name="TEntity"/>.</summary>
    public IHostStore<TEntity> Store<TEntity>()
        where TEntity : class =>
        _provider.GetRequiredService<IHostStore<TEntity>>();

    /// <summary>Runs <paramref name="work"/> on a context of its own, as the app's code does.</summary>
    public async Task<T> UseAsync<T>(Func<TContext, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _file.Dispose();
    }
}
