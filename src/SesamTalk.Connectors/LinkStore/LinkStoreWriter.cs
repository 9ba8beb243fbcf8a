using System.Data.Common;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// One transaction's writer: each SQL text gets one command, prepared once by the provider and run again with new
/// values, so a commit of thousands of links does not parse and plan the same statement thousands of times.
/// </summary>
internal sealed class LinkStoreWriter(DbConnection connection, DbTransaction transaction, LinkStoreDialect dialect) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The database's dialect.</summary>
    public LinkStoreDialect Dialect => dialect;

    /// <summary>Runs a statement that returns nothing; returns the rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        Bind(sql, parameters).ExecuteNonQueryAsync(cancellationToken);

    /// <summary>Runs a statement that returns nothing; returns the rows it changed.</summary>
    public Task<int> ExecuteAsync(LinkStoreStatement statement, CancellationToken cancellationToken) =>
        ExecuteAsync(statement.Sql, statement.Parameters, cancellationToken);

    /// <summary>Runs a query and maps every row.</summary>
    public Task<List<T>> QueryAsync<T>(string sql, (string Name, object? Value)[] parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        LinkStoreDb.ReadAllAsync(Bind(sql, parameters), map, cancellationToken);

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private DbCommand Bind(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            _commands[sql] = command = LinkStoreDb.Command(connection, transaction, sql, []);
        }

        LinkStoreDb.Bind(command, parameters);
        return command;
    }
}
