using Npgsql;

namespace SesamTalk.PostgreSql;

/// <summary>One transaction's connection and transaction, which every write of a commit runs in.</summary>
internal sealed class PostgreSqlWriter(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    /// <summary>Runs a statement that returns nothing; returns the rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        PostgreSqlDb.ExecuteAsync(connection, transaction, sql, parameters, cancellationToken);

    /// <summary>Runs a query and maps every row.</summary>
    public Task<List<T>> QueryAsync<T>(string sql, (string Name, object? Value)[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken) =>
        PostgreSqlDb.QueryAsync(connection, transaction, sql, parameters, map, cancellationToken);
}
