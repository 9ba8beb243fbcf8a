using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;

namespace SesamTalk.Samples.HostStore;

/// <summary>
/// An <see cref="IHostStore{TEntity}"/> over one table of a host's SQLite database. Every save and delete gets a
/// stamp strictly later than any stamp in the table, taken inside the write transaction, so a change made while the
/// engine reads changes always sorts after the cursor the engine is reading at. Deletions stay as tombstones.
/// </summary>
/// <remarks>
/// Entities are stored as System.Text.Json documents (through source-generated <see cref="JsonTypeInfo{T}"/>, so no
/// reflection) rather than mapped columns: one generic table shape serves every entity of both sample hosts, and an
/// order keeps its lines, in their order, in the same row, so a save is atomic without a second table. The columns
/// the change feed needs (id, stamp) are real, indexed columns.
/// </remarks>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public sealed class SqliteHostStore<TEntity> : IHostStore<TEntity>
    where TEntity : class
{
    private const int PageSize = 256;

    private readonly SqliteHostDatabase _database;
    private readonly string _table;
    private readonly JsonTypeInfo<TEntity> _json;
    private readonly Func<TEntity, string?> _getId;
    private readonly Action<TEntity, string> _assignId;

    /// <summary>Creates the store; <see cref="SqliteHostDatabase.OpenStoreAsync{TEntity}"/> creates its table first.</summary>
    internal SqliteHostStore(SqliteHostDatabase database, string table, JsonTypeInfo<TEntity> json, Func<TEntity, string?> getId, Action<TEntity, string> assignId)
    {
        _database = database;
        _table = table;
        _json = json;
        _getId = getId;
        _assignId = assignId;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<HostChange<TEntity>> GetChangesAsync(HostCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Keyset pages in short transactions: no read holds the database open while the engine applies a change,
        // and a record saved meanwhile gets a later stamp, so a later page (or the next cycle) lists it.
        var position = after;
        while (true)
        {
            var page = await ReadPageAsync(position, cancellationToken).ConfigureAwait(false);
            foreach (var change in page)
            {
                yield return change;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            position = page[^1].Position;
        }
    }

    /// <inheritdoc />
    public async Task<TEntity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT body FROM {_table} WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        var body = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return body is string json ? JsonSerializer.Deserialize(json, _json) : null;
    }

    /// <inheritdoc />
    public async Task<string> SaveAsync(TEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = BeginWrite(connection);
        var id = _getId(entity);
        if (string.IsNullOrEmpty(id))
        {
            id = await NextIdAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            _assignId(entity, id);
        }

        await WriteAsync(connection, transaction, id, JsonSerializer.Serialize(entity, _json), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = BeginWrite(connection);
        await using (var exists = connection.CreateCommand())
        {
            exists.Transaction = transaction;
            exists.CommandText = $"SELECT body IS NOT NULL FROM {_table} WHERE id = $id";
            exists.Parameters.AddWithValue("$id", id);
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not 1L)
            {
                return;
            }
        }

        await WriteAsync(connection, transaction, id, body: null, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<HostChange<TEntity>>> ReadPageAsync(HostCursor? after, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Ids compare as BINARY (UTF-8 bytes), which is ordinal order for the ids this store hands out.
        command.CommandText = after is null
            ? $"SELECT id, stamp, body FROM {_table} ORDER BY stamp, id LIMIT $limit"
            : $"SELECT id, stamp, body FROM {_table} WHERE stamp > $stamp OR (stamp = $stamp AND id > $id) ORDER BY stamp, id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", PageSize);
        if (after is { } cursor)
        {
            command.Parameters.AddWithValue("$stamp", cursor.ModifiedAt.UtcTicks);
            command.Parameters.AddWithValue("$id", cursor.Id);
        }

        var page = new List<HostChange<TEntity>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var position = new HostCursor(new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), reader.GetString(0));
            var entity = reader.IsDBNull(2) ? null : JsonSerializer.Deserialize(reader.GetString(2), _json);
            page.Add(new HostChange<TEntity>(position, entity));
        }

        return page;
    }

    private async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, string id, string? body, CancellationToken cancellationToken)
    {
        var stamp = await NextStampAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {_table} (id, stamp, body) VALUES ($id, $stamp, $body) ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp, body = excluded.body";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$stamp", stamp);
        command.Parameters.AddWithValue("$body", (object?)body ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Now, or one tick after the latest stamp when the clock has not moved past it (or went back).</summary>
    private async Task<long> NextStampAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT MAX(stamp) FROM {_table}";
        var latest = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
        var now = _database.Time.GetUtcNow().UtcTicks;
        return latest is { } last && now <= last ? last + 1 : now;
    }

    private async Task<string> NextIdAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO sequences (name, next) VALUES ($name, 1) ON CONFLICT (name) DO UPDATE SET next = next + 1 RETURNING next";
        command.Parameters.AddWithValue("$name", _table);
        var next = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        // Fixed width, so ordinal order of ids is creation order.
        return next.ToString("D6", CultureInfo.InvariantCulture);
    }

    // Not deferred (BEGIN IMMEDIATE): the write lock is taken up front, so two writers cannot read the same latest stamp.
    private static SqliteTransaction BeginWrite(SqliteConnection connection) => connection.BeginTransaction(deferred: false);
}
