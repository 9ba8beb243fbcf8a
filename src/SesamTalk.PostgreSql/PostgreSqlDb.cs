using Npgsql;
using NpgsqlTypes;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.PostgreSql;

/// <summary>Small helpers for parameterised commands: <c>@name</c> parameters, typed so that a NULL needs no cast in the SQL.</summary>
internal static class PostgreSqlDb
{
    /// <summary>The flow's three key columns as a condition on <c>@entity</c>, <c>@system</c>, <c>@type</c>.</summary>
    public const string FlowIs = "entity = @entity AND system = @system AND type = @type";

    /// <summary>A command with its parameters, in <paramref name="transaction"/> when there is one.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is null
                ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value }
                : new NpgsqlParameter(name, value is DateTimeOffset time ? time.ToUniversalTime() : value));
        }

        return command;
    }

    /// <summary>The flow's three key parameters: <c>@entity</c>, <c>@system</c>, <c>@type</c>, then <paramref name="more"/>.</summary>
    public static (string, object?)[] Flow(SyncFlowId flow, params (string Name, object? Value)[] more)
    {
        Validate(flow);
        var all = new (string, object?)[3 + more.Length];
        all[0] = ("entity", flow.Entity);
        all[1] = ("system", flow.Target.System);
        all[2] = ("type", flow.Target.Type);
        more.CopyTo(all, 3);
        return all;
    }

    /// <summary>Throws when the flow has no entity name or no target.</summary>
    public static void Validate(SyncFlowId flow)
    {
        if (string.IsNullOrEmpty(flow.Entity) || string.IsNullOrEmpty(flow.Target.System) || string.IsNullOrEmpty(flow.Target.Type))
        {
            throw new ArgumentException("A flow needs an entity name, a remote system and a remote type.", nameof(flow));
        }
    }

    /// <summary>Reads the flow from the first three columns.</summary>
    public static SyncFlowId ReadFlow(NpgsqlDataReader reader, int first = 0) =>
        new(reader.GetString(first), new SyncTarget(reader.GetString(first + 1), reader.GetString(first + 2)));

    /// <summary>Reads an instant.</summary>
    public static DateTimeOffset ReadTime(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>Reads an instant that may be NULL.</summary>
    public static DateTimeOffset? ReadNullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    /// <summary>Reads text that may be NULL.</summary>
    public static string? ReadNullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Runs a command that returns nothing; returns the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a query and maps every row.</summary>
    public static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, (string, object?)[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
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
    }
}
