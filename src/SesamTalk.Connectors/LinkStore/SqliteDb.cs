using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>Small helpers for parameterised commands and the store's fixed-width UTC time text (which sorts as it compares).</summary>
internal static class SqliteDb
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>A command with its parameters, enlisted in <paramref name="transaction"/> when there is one.</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>The flow's three key parameters: <c>@entity</c>, <c>@system</c>, <c>@type</c>.</summary>
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

    /// <summary>Texts as one JSON array, for <c>IN (SELECT value FROM json_each(@ids))</c>: a list of any length in one parameter.</summary>
    public static string JsonArray(IEnumerable<string> values) => Json(writer =>
    {
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
    });

    /// <summary>Rows of texts (null allowed) as one JSON array of arrays, for <c>SELECT value ->> 0, ... FROM json_each(@rows)</c>: many rows in one statement.</summary>
    public static string JsonRows(IEnumerable<string?[]> rows) => Json(writer =>
    {
        foreach (var row in rows)
        {
            writer.WriteStartArray();
            foreach (var cell in row)
            {
                if (cell is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(cell);
                }
            }

            writer.WriteEndArray();
        }
    });

    private static string Json(Action<System.Text.Json.Utf8JsonWriter> items)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            items(writer);
            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The store's text form of an instant.</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads an instant written by <see cref="Time"/>.</summary>
    public static DateTimeOffset ReadTime(SqliteDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));

    /// <summary>Reads an instant that may be NULL.</summary>
    public static DateTimeOffset? ReadNullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    /// <summary>Reads text that may be NULL.</summary>
    public static string? ReadNullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Runs a command that returns nothing; returns the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command and returns its first value, or <see langword="null"/>.</summary>
    public static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a query and maps every row.</summary>
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(SqliteConnection connection, string sql, (string, object?)[] parameters, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        using var command = Command(connection, null, sql, parameters);
        return await ReadAllAsync(command, map, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a prepared command's query and maps every row.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
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
