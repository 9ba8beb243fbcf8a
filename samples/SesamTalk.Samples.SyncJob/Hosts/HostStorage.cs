using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>
/// Where a host keeps its state: its own database (an EF Core context) and its link store, both SQLite files in the
/// state directory, or with <c>SesamTalk:LinkStore:Provider=PostgreSql</c> schemas of their own in one PostgreSQL
/// database that several copies of the job share.
/// </summary>
internal abstract class HostStorage
{
    /// <summary>The link store's section: <c>Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSql</c>), and for PostgreSQL <c>ConnectionString</c> and <c>Schema</c>.</summary>
    public const string LinkStoreSection = "SesamTalk:LinkStore";

    /// <summary>The storage the configuration chooses for <paramref name="host"/>.</summary>
    /// <exception cref="JobSettingsException">The provider is neither Sqlite nor PostgreSql.</exception>
    public static HostStorage From(IConfiguration configuration, string stateDirectory, string host)
    {
        var section = configuration.GetSection(LinkStoreSection);
        return section["Provider"]?.ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => new SqliteHostStorage(stateDirectory, host),
            "POSTGRESQL" => new PostgreSqlHostStorage(section, host),
            _ => throw new JobSettingsException(
                $"{LinkStoreSection}:Provider is '{section["Provider"]}'; use Sqlite (files per host in the state directory) or PostgreSql (with {LinkStoreSection}:ConnectionString)."),
        };
    }

    /// <summary>Where the state is, for messages.</summary>
    public abstract string Location { get; }

    /// <summary>What to set for a run that starts afresh, for messages.</summary>
    public abstract string FreshLocationHint { get; }

    /// <summary>Registers the host's database (a context factory) and its link store.</summary>
    public abstract void AddTo<TContext>(SesamTalkBuilder builder)
        where TContext : DbContext;

    /// <summary>Whether an earlier run left a link store behind.</summary>
    public abstract Task<bool> HoldsStateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates the host's tables when they are missing, then runs <paramref name="seed"/> (which leaves a database with
    /// records alone), once even when several copies of the job start at the same moment.
    /// </summary>
    public abstract Task CreateAsync<TContext>(TContext db, Func<TContext, CancellationToken, Task<bool>> seed, CancellationToken cancellationToken)
        where TContext : DbContext;
}
