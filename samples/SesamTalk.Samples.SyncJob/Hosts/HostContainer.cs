using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.EntityFrameworkCore;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>Where a host keeps its state, and what every host's container shares: the engine over a link store of its own.</summary>
internal static class HostContainer
{
    /// <summary>The link store file of a host in the state directory.</summary>
    public static string LinkStorePath(string stateDirectory, string host) => Path.Combine(stateDirectory, host.ToLowerInvariant() + ".links.db");

    /// <summary>The host's own database file in the state directory.</summary>
    public static string DatabasePath(string stateDirectory, string host) => Path.Combine(stateDirectory, host.ToLowerInvariant() + ".db");

    /// <summary>
    /// Adds the host's database (a context factory on its file), the engine, the host's link store and the EF Core host
    /// stores to a host's registration (from its generated <c>AddSesamTalk()</c>).
    /// </summary>
    public static void AddEngine<TContext>(SesamTalkBuilder builder, string stateDirectory, string host)
        where TContext : DbContext
    {
        // No pooling: a disposed context leaves no handle on the file, so the state directory can be moved or deleted.
        var database = new SqliteConnectionStringBuilder { DataSource = DatabasePath(stateDirectory, host), Pooling = false }.ToString();
        builder.Services.AddDbContextFactory<TContext>(options => options.UseSqlite(database));
        builder.AddEngine().UseSqliteLinkStore(LinkStorePath(stateDirectory, host)).UseEntityFrameworkCore<TContext>();
    }

    /// <summary>
    /// Builds a host's container, logging to the job's loggers (the engine logs through <c>ILogger&lt;SyncEngine&gt;</c>),
    /// and checks its settings as a generic host does before it starts: a missing setting fails here with a message that
    /// names it.
    /// </summary>
    public static ServiceProvider Build(IServiceCollection services, ILoggerFactory logging)
    {
        var provider = services
            .AddSingleton(logging)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
