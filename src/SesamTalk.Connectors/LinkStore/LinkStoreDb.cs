using System.Data;
using System.Data.Common;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>Small helpers for parameterised ADO.NET commands, for every link-store provider: parameters are named <c>@x</c>, a NULL is typed as text.</summary>
internal static class LinkStoreDb
{
    /// <summary>The flow's three key columns as a condition on <c>@entity</c>, <c>@system</c>, <c>@type</c>.</summary>
    public const string FlowIs = "entity = @entity AND system = @system AND type = @type";

    /// <summary>
    /// The ids a list parameter takes at most: a page of 10,000 ids in one list is a text of some 400 KB, which .NET
    /// keeps on its large-object heap until a full collection; runs of this size stay in the young generation.
    /// </summary>
    public const int IdsPerList = 500;

    /// <summary><paramref name="ids"/> in runs of at most <see cref="IdsPerList"/>.</summary>
    public static IEnumerable<string[]> Runs(IEnumerable<string> ids) => ids.Chunk(IdsPerList);

    /// <summary>A command with its parameters, enlisted in <paramref name="transaction"/> when there is one.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, parameters);
        return command;
    }

    /// <summary>Replaces the command's parameters with <paramref name="parameters"/>.</summary>
    public static void Bind(DbCommand command, (string Name, object? Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            if (value is null)
            {
                // Typed, so a NULL needs no cast in the SQL (PostgreSQL would not know an untyped one's type).
                parameter.DbType = DbType.String;
                parameter.Value = DBNull.Value;
            }
            else
            {
                parameter.Value = value;
            }

            command.Parameters.Add(parameter);
        }
    }

    /// <summary>The flow's three key parameters: <c>@entity</c>, <c>@system</c>, <c>@type</c>, then <paramref name="more"/>.</summary>
    public static (string, object?)[] Flow(SyncFlowId flow, params (string Name, object? Value)[] more)
    {
        flow.Validate();
        var all = new (string, object?)[3 + more.Length];
        all[0] = ("@entity", flow.Entity);
        all[1] = ("@system", flow.Target.System);
        all[2] = ("@type", flow.Target.Type);
        more.CopyTo(all, 3);
        return all;
    }

    /// <summary>Reads the flow from three columns from <paramref name="first"/> on.</summary>
    public static SyncFlowId ReadFlow(DbDataReader reader, int first = 0) =>
        new(reader.GetString(first), new SyncTarget(reader.GetString(first + 1), reader.GetString(first + 2)));

    /// <summary>Reads text that may be NULL.</summary>
    public static string? ReadNullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Reads a count (a 64-bit integer in every database) as an <see cref="int"/>.</summary>
    public static int ReadCount(DbDataReader reader) => checked((int)reader.GetInt64(0));

    /// <summary>Runs a command that returns nothing; returns the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a query and maps every row.</summary>
    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, (string, object?)[] parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await ReadAllAsync(command, map, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a command's query and maps every row.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
    }

    /// <summary>The schema version a store has now: the newest row of its <c>schema_version</c> table, 0 for none.</summary>
    public static async Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var versions = await QueryAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", [], r => r.GetInt32(0), cancellationToken).ConfigureAwait(false);
        return versions[0];
    }
}
