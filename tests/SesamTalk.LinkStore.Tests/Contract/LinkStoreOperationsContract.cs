using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;

namespace SesamTalk.LinkStore.Tests.Contract;

/// <summary>An operator's queries and fixes: links a page at a time and by match-key value, conflicts in a time window, a quarantined record dropped.</summary>
public abstract class LinkStoreOperationsContract
{
    private static readonly SyncFlowId Flow = LinkStoreTarget.Customers;

    /// <summary>A new empty store of the provider under test.</summary>
    protected abstract LinkStoreTarget NewTarget();

    private static async Task SaveAsync(ILinkStore store, IEnumerable<SyncLink> links)
    {
        await using var commit = await store.BeginCommitAsync();
        foreach (var link in links)
        {
            commit.SaveLink(link);
        }

        await commit.CommitAsync();
    }

    private static SyncLink Matched(string localId, string remoteId, string value, SyncFlowId? flow = null)
    {
        var f = flow ?? Flow;
        return new SyncLink(f.Entity, localId, f.Target, remoteId, SyncLinkProvenance.MatchedOnKey, "Email", new DateTimeOffset(2026, 5, 1, 9, 30, 0, TimeSpan.Zero)) { MatchValue = value };
    }

    [Fact]
    public async Task A_flows_links_are_read_a_page_at_a_time_after_the_last_host_id_shown()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var operations = (ILinkStoreOperations)store;
        await SaveAsync(store, Enumerable.Range(1, 7).Select(i => LinkStoreTarget.Link($"c{i:00}", $"001{i:00}")));
        await SaveAsync(store, [LinkStoreTarget.Link("a00", "E1", flow: LinkStoreTarget.CustomersInExact)]);

        async Task<string[]> PageAsync(string? after) => (await operations.ReadLinksPageAsync(Flow, after, limit: 3)).Select(l => l.Link.LocalId).ToArray();

        Assert.Equal(["c01", "c02", "c03"], await PageAsync(null));
        Assert.Equal(["c04", "c05", "c06"], await PageAsync("c03"));
        Assert.Equal(["c07"], await PageAsync("c06"));
        Assert.Empty(await PageAsync("c07"));
        Assert.Equal("00105", (await operations.ReadLinksPageAsync(Flow, "c04", limit: 1))[0].Link.RemoteId);
    }

    [Fact]
    public async Task Links_are_found_by_the_match_value_they_were_made_on_as_the_engine_compares_it()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var operations = (ILinkStoreOperations)store;
        await SaveAsync(store, [
            Matched("c1", "001A", "ACME@EXAMPLE.COM"),
            Matched("c2", "001B", "ACME@EXAMPLE.COM"),
            Matched("c3", "001C", "ACME@EXAMPLE.COM"),
            Matched("c4", "001D", "OTHER@EXAMPLE.COM"),
            Matched("c9", "E9", "ACME@EXAMPLE.COM", LinkStoreTarget.CustomersInExact),
            LinkStoreTarget.Link("c5", "001E"),
        ]);

        var first = await operations.FindByMatchValueAsync(Flow, "  acme@Example.com ", afterLocalId: null, limit: 2);

        Assert.Equal(["c1", "c2"], first.Select(l => l.Link.LocalId));
        Assert.Equal(("Email", "ACME@EXAMPLE.COM", SyncLinkProvenance.MatchedOnKey), (first[0].Link.MatchKey, first[0].Link.MatchValue, first[0].Link.Provenance));
        Assert.Equal(["c3"], (await operations.FindByMatchValueAsync(Flow, "acme@example.com", "c2", limit: 2)).Select(l => l.Link.LocalId));
        Assert.Equal(["c4"], (await operations.FindByMatchValueAsync(Flow, "other@example.com", null, limit: 10)).Select(l => l.Link.LocalId));
        Assert.Empty(await operations.FindByMatchValueAsync(Flow, "001E", null, limit: 10));
        Assert.Empty(await operations.FindByMatchValueAsync(Flow, "   ", null, limit: 10));
        Assert.Equal("OTHER@EXAMPLE.COM", (await store.FindByLocalIdAsync(Flow, "c4"))?.Link.MatchValue);
        Assert.Null((await store.FindByLocalIdAsync(Flow, "c5"))?.Link.MatchValue);
    }

    [Fact]
    public async Task Conflicts_are_listed_newest_first_within_a_time_window()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var operations = (ILinkStoreOperations)store;
        var at = temp.Clock.GetUtcNow();
        ConflictRecord Conflict(string localId, int minutes, SyncFlowId? flow = null) =>
            new(flow ?? Flow, localId, "R" + localId, "Name", "host", "remote", ConflictRule.LatestWins, SyncSide.Local, at.AddMinutes(minutes));
        await using (var commit = await store.BeginCommitAsync())
        {
            foreach (var conflict in new[] { Conflict("c1", 0), Conflict("c2", 10), Conflict("c3", 20), Conflict("c4", 30), Conflict("e1", 15, LinkStoreTarget.CustomersInExact) })
            {
                commit.RecordConflict(conflict);
            }

            await commit.CommitAsync();
        }

        async Task<string[]> ListAsync(DateTimeOffset? from, DateTimeOffset? until, int limit = 10) =>
            (await operations.ListConflictsAsync(Flow, from, until, limit)).Select(c => c.LocalId).ToArray();

        Assert.Equal(["c4", "c3", "c2", "c1"], await ListAsync(null, null));
        Assert.Equal(["c3", "c2"], await ListAsync(at.AddMinutes(10), at.AddMinutes(30)));
        Assert.Equal(["c4", "c3"], await ListAsync(at.AddMinutes(5), null, limit: 2));
        Assert.Equal(["c1"], await ListAsync(null, at.AddMinutes(10)));
        Assert.Equal(Conflict("c2", 10), (await operations.ListConflictsAsync(Flow, at.AddMinutes(10), at.AddMinutes(11), 10)).Single());
    }

    [Fact]
    public async Task A_quarantined_record_is_dropped_whether_held_or_released_and_only_on_its_side()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var operations = (ILinkStoreOperations)store;
        await using (var commit = await store.BeginCommitAsync())
        {
            commit.Quarantine(Flow, SyncSide.Remote, "001A", "AnnualRevenue: 'lots' is not a number", payload: null);
            commit.Quarantine(Flow, SyncSide.Local, "001A", "Name is required", payload: null);
            commit.Quarantine(Flow, SyncSide.Local, "c7", "Name is required", payload: null);
            await commit.CommitAsync();
        }

        await store.ReleaseQuarantinedAsync(Flow, SyncSide.Local, "c7");

        Assert.True(await operations.DropQuarantinedAsync(Flow, SyncSide.Remote, "001A"));
        Assert.True(await operations.DropQuarantinedAsync(Flow, SyncSide.Local, "c7"));
        Assert.False(await operations.DropQuarantinedAsync(Flow, SyncSide.Remote, "001A"));
        Assert.False(await operations.DropQuarantinedAsync(LinkStoreTarget.CustomersInExact, SyncSide.Local, "001A"));
        Assert.Equal([(SyncSide.Local, "001A")], (await store.ListQuarantinedAsync(Flow)).Select(q => (q.Side, q.RecordId)));
    }
}
