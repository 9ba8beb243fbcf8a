using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// The benchmark host's SQLite file: one table of products (id, change stamp, the four fields, a deleted flag) with an
/// index on (stamp, id) for the change feed. The parent process creates it, seeds it in one transaction and edits it
/// between scenarios; the child reads and writes it through <see cref="SqliteHostStore{TEntity}"/>.
/// </summary>
internal static class HostDatabase
{
    public const string Table = "products";

    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    /// <summary>Opens the file, creating the table when missing; WAL with normal sync, as a host would run it.</summary>
    public static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS {Table} (
                id TEXT PRIMARY KEY, stamp INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
                description TEXT NULL, active INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS ix_{Table}_changes ON {Table} (stamp, id);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Fixed width, so ordinal order of ids is creation order.</summary>
    public static string IdOf(long number) => number.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>
    /// Inserts <paramref name="count"/> products in one transaction, before the timed part: host-born ones (codes
    /// <c>H-{i}</c>, <see cref="BenchData.Host"/>), or the remote system's own (<see cref="BenchData.Remote"/>).
    /// </summary>
    public static async Task SeedAsync(string path, int count, Func<int, (string Code, string Name, string? Description, bool Active)> products, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {Table} (id, stamp, code, name, description, active) VALUES ($id, $stamp, $code, $name, $description, $active)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var stamp = insert.Parameters.Add("$stamp", SqliteType.Integer);
        var code = insert.Parameters.Add("$code", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var description = insert.Parameters.Add("$description", SqliteType.Text);
        var active = insert.Parameters.Add("$active", SqliteType.Integer);
        insert.Prepare();
        // Ten records a tick: stamps shared by several ids, as the change feed's (stamp, id) order must handle.
        var start = DateTimeOffset.UtcNow.UtcTicks - count;
        for (var i = 0; i < count; i++)
        {
            var product = products(i);
            id.Value = IdOf(i + 1);
            stamp.Value = start + (i / 10);
            code.Value = product.Code;
            name.Value = product.Name;
            description.Value = (object?)product.Description ?? DBNull.Value;
            active.Value = product.Active ? 1 : 0;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Edits every <paramref name="every"/>-th live product (the first at <paramref name="offset"/> in id order) as a
    /// user would: a new name and a new stamp, later than any in the table. Returns how many it edited.
    /// </summary>
    public static async Task<int> EditAsync(string path, int every, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var ids = new List<string>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT id FROM {Table} WHERE deleted = 0 ORDER BY id";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            for (var row = 0; await reader.ReadAsync(cancellationToken).ConfigureAwait(false); row++)
            {
                if (row % every == offset)
                {
                    ids.Add(reader.GetString(0));
                }
            }
        }

        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"UPDATE {Table} SET name = name || ' (host edit)', stamp = MAX($now, (SELECT MAX(stamp) FROM {Table}) + 1) WHERE id = $id";
        update.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.UtcTicks);
        var id = update.Parameters.Add("$id", SqliteType.Text);
        foreach (var edited in ids)
        {
            id.Value = edited;
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ids.Count;
    }
}
