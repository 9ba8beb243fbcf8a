using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.EntityFrameworkCore;
using SesamTalk.PostgreSql;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>Where a host keeps its state, and what every host's container shares: the engine over a link store of its own.</summary>
internal static class HostContainer
{
    /// <summary>The link store file of a host in the state directory.</summary>
    public static string LinkStorePath(string stateDirectory, string host) => Path.Combine(stateDirectory, host.ToLowerInvariant() + ".links.db");

    /// <summary>The host's own database file in the state directory.</summary>
    public static string DatabasePath(string stateDirectory, string host) => Path.Combine(stateDirectory, host.ToLowerInvariant() + ".db");

    /// <summary>The link store's section: <c>Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSql</c>), and for PostgreSQL <c>ConnectionString</c> and <c>Schema</c>.</summary>
    public const string LinkStoreSection = "SesamTalk:LinkStore";

    /// <summary>
    /// Adds the host's database (a context factory on its file), the engine, the host's link store and the EF Core host
    /// stores to a host's registration (from its generated <c>AddSesamTalk()</c>). The link store is a SQLite file in the
    /// state directory, or with <c>Provider=PostgreSql</c> the schema <c>{Schema}_{host}</c> (default
    /// <c>sesamtalk_customwebshop</c>, <c>sesamtalk_customerp</c>) in the configured database, which several copies of the
    /// job share.
    /// </summary>
    public static void AddEngine<TContext>(SesamTalkBuilder builder, IConfiguration configuration, string stateDirectory, string host)
        where TContext : DbContext
    {
        // No pooling: a disposed context leaves no handle on the file, so the state directory can be moved or deleted.
        var database = new SqliteConnectionStringBuilder { DataSource = DatabasePath(stateDirectory, host), Pooling = false }.ToString();
        builder.Services.AddDbContextFactory<TContext>(options => options.UseSqlite(database));
        builder.AddEngine();
        var section = configuration.GetSection(LinkStoreSection);
        switch (section["Provider"]?.ToUpperInvariant())
        {
            case null or "" or "SQLITE":
                builder.UseSqliteLinkStore(LinkStorePath(stateDirectory, host));
                break;
            case "POSTGRESQL":
                builder.UsePostgreSqlLinkStore(options =>
                {
                    section.Bind(options);
                    options.Schema += "_" + host.ToLowerInvariant();
                });
                break;
            default:
                throw new JobSettingsException($"{LinkStoreSection}:Provider is '{section["Provider"]}'; use Sqlite (a file per host in the state directory) or PostgreSql (with {LinkStoreSection}:ConnectionString).");
        }

        builder.UseEntityFrameworkCore<TContext>();
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
