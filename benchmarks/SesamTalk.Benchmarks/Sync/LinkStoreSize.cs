using Microsoft.Data.Sqlite;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// The link store's size: its pages as a reader sees them (<c>page_count × page_size</c>, the write-ahead log's
/// committed pages included), which is the file's size once the log is checkpointed. The files' raw sizes would count
/// a log SQLite keeps at about 4 MB until it checkpoints, which swamps small runs. Read through a read-only connection
/// of its own; 0 when there is no link store (the baseline).
/// </summary>
internal static class LinkStoreSize
{
    public static long Bytes(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size())";
        return (long)command.ExecuteScalar()!;
    }
}
