using Microsoft.Data.Sqlite;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.LinkStore.Tests.Targets;

/// <summary>A SQLite link store file of its own in the temp folder, deleted (with its WAL files) on dispose.</summary>
public sealed class SqliteTarget : LinkStoreTarget
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sesamtalk-links-{Guid.NewGuid():N}.db");

    public SqliteLinkStoreOptions Options => new() { Path = Path, TimeProvider = Clock, BusyTimeout = TimeSpan.FromSeconds(20) };

    /// <summary>A plain connection to the file, for what the store API doesn't show (pragmas, schema_version).</summary>
    public SqliteConnection Raw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public override Task<long> CountRowsAsync(string table)
    {
        using var raw = Raw();
        using var count = raw.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {table};";
        return Task.FromResult((long)count.ExecuteScalar()!);
    }

    protected override async Task<ILinkStore> OpenInstanceAsync() => await SqliteLinkStore.OpenAsync(Options);

    protected override Task DropStorageAsync()
    {
        // The stores under test returned their pooled connections when disposed.
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Still open somewhere; the temp folder gets it.
            }
        }

        return Task.CompletedTask;
    }
}
