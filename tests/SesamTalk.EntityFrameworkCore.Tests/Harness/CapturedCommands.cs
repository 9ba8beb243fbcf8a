using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SesamTalk.EntityFrameworkCore.Tests.Harness;

/// <summary>
/// Stands in for a database server: keeps the connection from opening, records each command's SQL, and answers
/// updates with one row and queries with one value. Used to read the SQL a provider generates without a server.
/// </summary>
public sealed class CapturedCommands(long answer) : DbCommandInterceptor, IDbConnectionInterceptor
{
    public List<string> Sql { get; } = [];

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Sql.Add(command.CommandText);
        return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(1));
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Sql.Add(command.CommandText);
        var table = new DataTable();
        table.Columns.Add("value", typeof(long));
        table.Rows.Add(answer);
        return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(table.CreateDataReader()));
    }
}
