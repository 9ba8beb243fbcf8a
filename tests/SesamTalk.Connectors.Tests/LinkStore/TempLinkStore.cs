using Microsoft.Data.Sqlite;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Tests.LinkStore;

/// <summary>A link store file of its own in the temp folder, deleted (with its WAL files) on dispose, and a clock the test moves.</summary>
internal sealed class TempLinkStore : IAsyncDisposable
{
    public static readonly SyncFlowId Customers = new("Customer", new SyncTarget("Salesforce", "Account"));
    public static readonly SyncFlowId CustomersInExact = new("Customer", new SyncTarget("ExactOnline", "Accounts"));

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sesamtalk-links-{Guid.NewGuid():N}.db");

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

    public SqliteLinkStoreOptions Options => new() { Path = Path, TimeProvider = Clock, BusyTimeout = TimeSpan.FromSeconds(20) };

    public Task<SqliteLinkStore> OpenAsync() => SqliteLinkStore.OpenAsync(Options);

    /// <summary>A plain connection to the file, for what the store API doesn't show (pragmas, schema_version).</summary>
    public SqliteConnection Raw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static SyncLink Link(string localId, string remoteId, SyncLinkProvenance provenance = SyncLinkProvenance.CreatedBySync, string? matchKey = null, SyncFlowId? flow = null)
    {
        var f = flow ?? Customers;
        return new SyncLink(f.Entity, localId, f.Target, remoteId, provenance, matchKey, new DateTimeOffset(2026, 5, 1, 9, 30, 15, 123, TimeSpan.Zero));
    }

    public ValueTask DisposeAsync()
    {
        // The stores under test return their pooled connections when disposed.
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

        return ValueTask.CompletedTask;
    }
}

/// <summary>A clock that moves only when told to.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
