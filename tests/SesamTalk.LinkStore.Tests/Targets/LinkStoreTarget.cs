using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.LinkStore.Tests.Targets;

/// <summary>
/// One empty store of a provider for one test: <see cref="OpenAsync"/> opens another instance on the same storage (as
/// another process would), a clock the test moves, and a row count for what the store API doesn't show. Disposing
/// closes the instances and drops the storage.
/// </summary>
public abstract class LinkStoreTarget : IAsyncDisposable
{
    public static readonly SyncFlowId Customers = new("Customer", new SyncTarget("Salesforce", "Account"));
    public static readonly SyncFlowId CustomersInExact = new("Customer", new SyncTarget("ExactOnline", "Accounts"));

    private readonly List<IAsyncDisposable> _opened = [];

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Opens another instance of the store on the target's storage (creating and migrating it on first open).</summary>
    public async Task<ILinkStore> OpenAsync()
    {
        var store = await OpenInstanceAsync();
        _opened.Add((IAsyncDisposable)store);
        return store;
    }

    /// <summary>How many rows a table of the store has.</summary>
    public abstract Task<long> CountRowsAsync(string table);

    public static SyncLink Link(string localId, string remoteId, SyncLinkProvenance provenance = SyncLinkProvenance.CreatedBySync, string? matchKey = null, SyncFlowId? flow = null)
    {
        var f = flow ?? Customers;
        return new SyncLink(f.Entity, localId, f.Target, remoteId, provenance, matchKey, new DateTimeOffset(2026, 5, 1, 9, 30, 15, 123, TimeSpan.Zero));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await DropStorageAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<ILinkStore> OpenInstanceAsync();

    protected abstract Task DropStorageAsync();
}

/// <summary>A clock that moves only when told to.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
