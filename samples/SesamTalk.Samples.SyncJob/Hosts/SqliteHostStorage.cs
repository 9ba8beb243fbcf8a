using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>A host's database and link store as SQLite files in the state directory: one copy of the job at a time.</summary>
internal sealed class SqliteHostStorage(string stateDirectory, string host) : HostStorage
{
    /// <summary>The link store file.</summary>
    public string LinkStorePath => Path.Combine(stateDirectory, host.ToLowerInvariant() + ".links.db");

    /// <summary>The host's own database file.</summary>
    public string DatabasePath => Path.Combine(stateDirectory, host.ToLowerInvariant() + ".db");

    public override string Location => stateDirectory;

    public override string FreshLocationHint => "a new --state directory";

    public override void AddTo<TContext>(SesamTalkBuilder builder)
    {
        // No pooling: a disposed context leaves no handle on the file, so the state directory can be moved or deleted.
        var database = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();
        builder.Services.AddDbContextFactory<TContext>(options => options.UseSqlite(database));
        builder.UseSqliteLinkStore(LinkStorePath);
    }

    public override Task<bool> HoldsStateAsync(CancellationToken cancellationToken) => Task.FromResult(File.Exists(LinkStorePath));

    public override async Task CreateAsync<TContext>(TContext db, Func<TContext, CancellationToken, Task<bool>> seed, CancellationToken cancellationToken)
    {
        await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await seed(db, cancellationToken).ConfigureAwait(false);
    }
}
