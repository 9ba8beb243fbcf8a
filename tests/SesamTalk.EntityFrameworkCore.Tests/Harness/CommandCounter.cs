using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SesamTalk.EntityFrameworkCore.Tests.Harness;

/// <summary>Counts what the contexts send to the database: each command's SQL and parameters, and each transaction begun.</summary>
public sealed class CommandCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly List<SentCommand> _commands = [];
    private int _transactions;

    /// <summary>The commands sent, in order.</summary>
    public IReadOnlyList<SentCommand> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>The transactions begun.</summary>
    public int Transactions => Volatile.Read(ref _transactions);

    /// <summary>Forgets what was counted so far.</summary>
    public void Reset()
    {
        lock (_commands)
        {
            _commands.Clear();
        }

        Volatile.Write(ref _transactions, 0);
    }

    /// <summary>The queries (SELECTs) sent that read <paramref name="table"/>.</summary>
    public List<SentCommand> QueriesOf(string table) =>
        [.. Commands.Where(command => command.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && command.Sql.Contains($"\"{table}\"", StringComparison.Ordinal))];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _transactions);
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Interlocked.Increment(ref _transactions);
        return result;
    }

    private void Record(DbCommand command)
    {
        var parameters = command.Parameters.Cast<DbParameter>().Select(parameter => parameter.Value).ToList();
        lock (_commands)
        {
            _commands.Add(new SentCommand(command.CommandText, parameters));
        }
    }
}

/// <summary>A command as it was sent.</summary>
/// <param name="Sql">Its text.</param>
/// <param name="Parameters">Its parameters' values.</param>
public sealed record SentCommand(string Sql, IReadOnlyList<object?> Parameters);
