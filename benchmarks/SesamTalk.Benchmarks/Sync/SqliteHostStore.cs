using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// A lean <see cref="IHostStore{TEntity}"/> over <see cref="HostDatabase"/>'s file, so the records live on disk and not
/// in the engine's process: one open connection and prepared commands (behind a gate: the engine may read the change
/// feed while it saves), keyset pages of the change feed in (stamp, id) order, and every save or delete stamped later
/// than any stamp in the table inside its write transaction.
/// </summary>
internal sealed class SqliteHostStore<TEntity> : IHostStore<TEntity>, IAsyncDisposable
    where TEntity : class, IBenchRecord, new()
{
    private const int PageSize = 1000;
    private const string Columns = "id, stamp, code, name, description, active, deleted";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;

    private SqliteHostStore(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteHostStore<TEntity>> OpenAsync(string path, CancellationToken cancellationToken) =>
        new(await HostDatabase.OpenAsync(path, cancellationToken).ConfigureAwait(false));

    public async IAsyncEnumerable<HostChange<TEntity>> GetChangesAsync(HostCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A page is read under the gate and handed out after it, so the engine can save while it walks the feed; a
        // record it saves gets a later stamp and comes in a later page (or the next cycle).
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

    public async Task<TEntity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM {HostDatabase.Table} WHERE id = $id AND deleted = 0";
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader).Entity : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<string> SaveAsync(TEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = _connection.BeginTransaction(deferred: false);
            if (string.IsNullOrEmpty(entity.Id))
            {
                await using var next = Command(transaction, $"SELECT COALESCE(MAX(id), '0') FROM {HostDatabase.Table}");
                var last = (string)(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                entity.Id = HostDatabase.IdOf(long.Parse(last, System.Globalization.CultureInfo.InvariantCulture) + 1);
            }

            await using var write = Command(transaction, $"""
                INSERT INTO {HostDatabase.Table} (id, stamp, code, name, description, active, deleted)
                VALUES ($id, MAX($now, COALESCE((SELECT MAX(stamp) FROM {HostDatabase.Table}), 0) + 1), $code, $name, $description, $active, 0)
                ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp, code = excluded.code, name = excluded.name,
                    description = excluded.description, active = excluded.active, deleted = 0
                """);
            write.Parameters.AddWithValue("$id", entity.Id);
            write.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.UtcTicks);
            write.Parameters.AddWithValue("$code", entity.Code);
            write.Parameters.AddWithValue("$name", entity.Name);
            write.Parameters.AddWithValue("$description", (object?)entity.Description ?? DBNull.Value);
            write.Parameters.AddWithValue("$active", entity.Active ? 1 : 0);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return entity.Id;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = _connection.BeginTransaction(deferred: false);
            await using var delete = Command(transaction, $"""
                UPDATE {HostDatabase.Table} SET deleted = 1, stamp = MAX($now, (SELECT MAX(stamp) FROM {HostDatabase.Table}) + 1)
                WHERE id = $id AND deleted = 0
                """);
            delete.Parameters.AddWithValue("$id", id);
            delete.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.UtcTicks);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The latest position in the change order (the connector-only baseline skips its own writes with it).</summary>
    public async Task<HostCursor?> LatestPositionAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM {HostDatabase.Table} ORDER BY stamp DESC, id DESC LIMIT 1";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader).Position : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task<List<HostChange<TEntity>>> ReadPageAsync(HostCursor? after, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _connection.CreateCommand();
            // Ids compare as BINARY (UTF-8 bytes): ordinal order for the fixed-width ids of this store.
            command.CommandText = after is null
                ? $"SELECT {Columns} FROM {HostDatabase.Table} ORDER BY stamp, id LIMIT $limit"
                : $"SELECT {Columns} FROM {HostDatabase.Table} WHERE stamp > $stamp OR (stamp = $stamp AND id > $id) ORDER BY stamp, id LIMIT $limit";
            command.Parameters.AddWithValue("$limit", PageSize);
            if (after is { } cursor)
            {
                command.Parameters.AddWithValue("$stamp", cursor.ModifiedAt.UtcTicks);
                command.Parameters.AddWithValue("$id", cursor.Id);
            }

            var page = new List<HostChange<TEntity>>(PageSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var (position, entity) = Read(reader);
                page.Add(new HostChange<TEntity>(position, entity));
            }

            return page;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static (HostCursor Position, TEntity? Entity) Read(SqliteDataReader reader)
    {
        var id = reader.GetString(0);
        var position = new HostCursor(new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), id);
        if (reader.GetInt64(6) != 0)
        {
            return (position, null);
        }

        return (position, new TEntity
        {
            Id = id,
            Code = reader.GetString(2),
            Name = reader.GetString(3),
            Description = reader.IsDBNull(4) ? null : reader.GetString(4),
            Active = reader.GetInt64(5) != 0,
        });
    }

    private SqliteCommand Command(SqliteTransaction transaction, string text)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }
}
