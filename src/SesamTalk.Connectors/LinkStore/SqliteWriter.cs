using Microsoft.Data.Sqlite;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// One transaction's writer: each SQL text gets one command, prepared once and run again with new values, so a commit
/// of thousands of links does not parse and plan the same statement thousands of times.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    /// <summary>The open connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>The transaction every command runs in.</summary>
    public SqliteTransaction Transaction { get; }

    /// <summary>Runs a statement that returns nothing; returns the rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        Bind(sql, parameters).ExecuteNonQueryAsync(cancellationToken);

    /// <summary>Runs a statement and returns its first value, or <see langword="null"/>.</summary>
    public async Task<object?> ScalarAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var value = await Bind(sql, parameters).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a query and maps every row.</summary>
    public Task<List<T>> QueryAsync<T>(string sql, (string Name, object? Value)[] parameters, Func<SqliteDataReader, T> map, CancellationToken cancellationToken) =>
        SqliteDb.ReadAllAsync(Bind(sql, parameters), map, cancellationToken);

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private SqliteCommand Bind(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            _commands[sql] = command = SqliteDb.Command(Connection, Transaction, sql);
        }

        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
