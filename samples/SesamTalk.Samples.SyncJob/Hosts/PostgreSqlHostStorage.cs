using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SesamTalk.Connectors.Engine;
using SesamTalk.PostgreSql;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>
/// A host's database and link store in the PostgreSQL database of <c>SesamTalk:LinkStore:ConnectionString</c>: the
/// link store in the schema <c>{Schema}_{host}</c>, the host's own tables in <c>{Schema}_{host}_data</c> (with the
/// default <c>Schema</c>: <c>sesamtalk_customwebshop</c> and <c>sesamtalk_customwebshop_data</c>).
/// </summary>
internal sealed class PostgreSqlHostStorage : HostStorage
{
    private readonly IConfiguration _section;
    private readonly string _connectionString;

    public PostgreSqlHostStorage(IConfiguration section, string host)
    {
        _section = section;
        var options = new PostgreSqlLinkStoreOptions();
        section.Bind(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new JobSettingsException($"{LinkStoreSection}:Provider is PostgreSql, but {LinkStoreSection}:ConnectionString is not set.");
        }

        _connectionString = options.ConnectionString;
        LinkStoreSchema = options.Schema + "_" + host.ToLowerInvariant();
        DataSchema = LinkStoreSchema + "_data";
    }

    /// <summary>The link store's schema.</summary>
    public string LinkStoreSchema { get; }

    /// <summary>The schema of the host's own tables.</summary>
    public string DataSchema { get; }

    /// <summary>The connection string of the host's database: the link store's, with the host's schema first on the search path.</summary>
    public string DatabaseConnectionString => new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = DataSchema }.ToString();

    public override string Location => $"The PostgreSQL schema {LinkStoreSchema}";

    public override string FreshLocationHint => $"another database or {LinkStoreSection}:Schema";

    public override void AddTo<TContext>(SesamTalkBuilder builder)
    {
        var database = DatabaseConnectionString;
        builder.Services.AddDbContextFactory<TContext>(options => options.UseNpgsql(database));
        var schema = LinkStoreSchema;
        builder.UsePostgreSqlLinkStore(options =>
        {
            _section.Bind(options);
            options.Schema = schema;
        });
    }

    public override async Task<bool> HoldsStateAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)", connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddWithValue("schema", LinkStoreSchema);
                return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }
        }
    }

    /// <summary>
    /// Under a PostgreSQL advisory lock on the schema's name: copies of the job that start at once create the tables
    /// and save the demo data once, the others wait and find them there. (EnsureCreated cannot be used: it counts any
    /// table in the database, such as the link store's, as the database being there.)
    /// </summary>
    public override async Task CreateAsync<TContext>(TContext db, Func<TContext, CancellationToken, Task<bool>> seed, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "SELECT pg_advisory_lock(hashtext(@schema))", cancellationToken).ConfigureAwait(false);
            try
            {
                if (!await HasTablesAsync(connection, cancellationToken).ConfigureAwait(false))
                {
                    await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS \"{DataSchema}\"", cancellationToken).ConfigureAwait(false);
                    await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken).ConfigureAwait(false);
                }

                await seed(db, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock(hashtext(@schema))", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> HasTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = @schema)", connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("schema", DataSchema);
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("schema", DataSchema);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
