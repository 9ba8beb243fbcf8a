using Npgsql;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.PostgreSql;
using SesamTalk.Tests.PostgreSql;

namespace SesamTalk.LinkStore.Tests.Targets;

/// <summary>A database of its own on the run's PostgreSQL server, created on first open and dropped on dispose.</summary>
public sealed class PostgreSqlTarget(PostgreSqlServer server) : LinkStoreTarget
{
    private string? _connectionString;

    /// <summary>The test database's connection string (the database is created on first use).</summary>
    public async Task<string> ConnectionStringAsync() => _connectionString ??= await server.CreateDatabaseAsync();

    public async Task<PostgreSqlLinkStoreOptions> OptionsAsync() => new() { ConnectionString = await ConnectionStringAsync(), TimeProvider = Clock };

    /// <summary>Runs SQL against the test database outside the store (in the store's schema).</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(await ConnectionStringAsync()) { SearchPath = "sesamtalk" }.ToString());
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteScalarAsync();
        }
    }

    public override async Task<long> CountRowsAsync(string table) => (long)(await ScalarAsync($"SELECT COUNT(*) FROM {table};"))!;

    protected override async Task<ILinkStore> OpenInstanceAsync() => await PostgreSqlLinkStore.OpenAsync(await OptionsAsync());

    protected override async Task DropStorageAsync()
    {
        if (_connectionString is not null)
        {
            var database = new NpgsqlConnectionStringBuilder(_connectionString).Database;
            await using var admin = new NpgsqlConnection(server.AdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE);", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
