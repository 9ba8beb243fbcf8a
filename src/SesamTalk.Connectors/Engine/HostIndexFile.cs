using Microsoft.Data.Sqlite;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// A cycle's host change index on disk (see <see cref="HostChangeIndex"/>): a scratch SQLite file with one indexed table
/// for the change times, one for the match-key values and one for the contents. Nothing in it must survive a crash (the
/// next cycle builds its own), so it is written without a journal or fsync; it is deleted when the cycle ends.
/// </summary>
internal sealed class HostIndexFile : IDisposable
{
    // A transaction stays open while the index is written; it is committed every so many writes so the file, not
    // SQLite's page cache, holds the index.
    private const int WritesPerTransaction = 5_000;

    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;
    private int _writes;

    private HostIndexFile(string path, SqliteConnection connection)
    {
        _path = path;
        _connection = connection;
    }

    /// <summary>Creates an empty index file in <paramref name="directory"/> (the temporary folder when null).</summary>
    public static HostIndexFile Create(string? directory)
    {
        var folder = directory ?? Path.GetTempPath();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "sesamtalk-host-index-" + Guid.NewGuid().ToString("N") + ".db");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var file = new HostIndexFile(path, connection);
        file.Execute("""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE changed (id TEXT PRIMARY KEY, ticks INTEGER NOT NULL, offset_minutes INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE match_keys (field TEXT NOT NULL, value TEXT NOT NULL, id TEXT NOT NULL);
            CREATE INDEX match_keys_value ON match_keys (field, value);
            CREATE TABLE contents (content TEXT NOT NULL, id TEXT NOT NULL);
            CREATE INDEX contents_content ON contents (content);
            """);
        return file;
    }

    public void Changed(string id, DateTimeOffset changedAt) => Write(
        "INSERT INTO changed (id, ticks, offset_minutes) VALUES (@a, @b, @c) ON CONFLICT (id) DO UPDATE SET ticks = excluded.ticks, offset_minutes = excluded.offset_minutes",
        id,
        changedAt.Ticks,
        (long)changedAt.Offset.TotalMinutes);

    public DateTimeOffset? ChangedAt(string id)
    {
        using var reader = Command("SELECT ticks, offset_minutes FROM changed WHERE id = @a", id).ExecuteReader();
        return reader.Read() ? new DateTimeOffset(reader.GetInt64(0), TimeSpan.FromMinutes(reader.GetInt64(1))) : null;
    }

    public void AddKey(string field, string value, string id) =>
        Write("INSERT INTO match_keys (field, value, id) VALUES (@a, @b, @c)", field, value, id);

    public List<string> FindByKey(string field, string value) =>
        Ids("SELECT id FROM match_keys WHERE field = @a AND value = @b ORDER BY rowid", field, value);

    public void AddContent(string content, string id) =>
        Write("INSERT INTO contents (content, id) VALUES (@a, @b)", content, id);

    public List<string> FindByContent(string content) =>
        Ids("SELECT id FROM contents WHERE content = @a ORDER BY rowid", content);

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _transaction?.Dispose();
        _connection.Dispose();
        File.Delete(_path);
    }

    private void Write(string sql, params object[] values)
    {
        _transaction ??= _connection.BeginTransaction();
        Command(sql, values).ExecuteNonQuery();

        if (++_writes % WritesPerTransaction == 0)
        {
            _transaction.Commit();
            _transaction.Dispose();
            _transaction = null;
        }
    }

    private List<string> Ids(string sql, params object[] values)
    {
        using var reader = Command(sql, values).ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The statement, prepared once and reused, with its parameters <c>@a</c>, <c>@b</c>, ... set to <paramref name="values"/>.</summary>
    private SqliteCommand Command(string sql, params object[] values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("@" + (char)('a' + i), values[i]));
            }

            _commands[sql] = command;
        }

        command.Transaction = _transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command;
    }
}
