using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;

namespace SesamTalk.LinkStore.Tests.Contract;

/// <summary>
/// Links: one per record and flow both ways, the error a clash gives, queries with provenance, relink and unlink, a
/// flow's links a page at a time and by the match-key value they were made on.
/// </summary>
public abstract class LinkStoreLinkContract
{
    private static readonly SyncFlowId Flow = LinkStoreTarget.Customers;

    /// <summary>A new empty store of the provider under test.</summary>
    protected abstract LinkStoreTarget NewTarget();

    private static async Task SaveAsync(ILinkStore store, params SyncLink[] links)
    {
        await using var commit = await store.BeginCommitAsync();
        foreach (var link in links)
        {
            commit.SaveLink(link);
        }

        await commit.CommitAsync();
    }

    [Fact]
    public async Task A_host_record_links_to_one_remote_record_per_flow()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        await SaveAsync(store, LinkStoreTarget.Link("c1", "001A"));

        var error = await Assert.ThrowsAsync<SyncLinkConflictException>(() => SaveAsync(store, LinkStoreTarget.Link("c1", "001B")));

        Assert.Equal("001A", error.ExistingRemoteId);
        Assert.Equal("001B", error.Refused?.RemoteId);
        Assert.Equal("Customer 'c1' is already linked to Salesforce/Account '001A'; unlink it or relink it by hand before linking it to '001B'.", error.Message);
        Assert.Equal("001A", (await store.FindByLocalIdAsync(Flow, "c1"))?.Link.RemoteId);
        Assert.Null(await store.FindByRemoteIdAsync(Flow, "001B"));
    }

    [Fact]
    public async Task A_remote_record_links_to_one_host_record_per_flow()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        await SaveAsync(store, LinkStoreTarget.Link("c1", "001A"));

        var error = await Assert.ThrowsAsync<SyncLinkConflictException>(() => SaveAsync(store, LinkStoreTarget.Link("c2", "001A")));

        Assert.Equal("c1", error.ExistingLocalId);
        Assert.Equal("Salesforce/Account '001A' is already linked to Customer 'c1'; unlink it or relink it by hand before linking it to Customer 'c2'.", error.Message);
        Assert.Null(await store.FindByLocalIdAsync(Flow, "c2"));
        var byHand = await Assert.ThrowsAsync<SyncLinkConflictException>(() => store.LinkByHandAsync(Flow, "c2", "001A"));
        Assert.Equal("c1", byHand.ExistingLocalId);
    }

    [Fact]
    public async Task A_page_of_links_is_found_in_one_call_by_either_side_and_only_in_its_flow()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var links = Enumerable.Range(0, 3000).Select(i => LinkStoreTarget.Link($"c{i}", $"001{i}")).ToArray();
        await SaveAsync(store, [.. links, LinkStoreTarget.Link("it's \"odd\" ø", "001'x"), LinkStoreTarget.Link("c-other", "001-other", flow: LinkStoreTarget.CustomersInExact)]);

        var byLocal = await store.FindLinksAsync(Flow, SyncSide.Local, [.. Enumerable.Range(0, 3000).Select(i => $"c{i}"), "missing", "it's \"odd\" ø", "c-other"]);
        var byRemote = await store.FindLinksAsync(Flow, SyncSide.Remote, ["0012999", "001'x", "001-other", "c1"]);

        Assert.Equal(3001, byLocal.Count);
        Assert.Equal("0012999", byLocal["c2999"].Link.RemoteId);
        Assert.Equal("001'x", byLocal["it's \"odd\" ø"].Link.RemoteId);
        Assert.False(byLocal.ContainsKey("c-other"));
        Assert.Equal(["001'x", "0012999"], byRemote.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("c2999", byRemote["0012999"].Link.LocalId);
        Assert.Empty(await store.FindLinksAsync(Flow, SyncSide.Local, []));
    }

    [Fact]
    public async Task A_new_link_saved_with_its_fingerprints_in_one_commit_has_them_and_a_clash_still_fails_the_commit()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var prints = new LinkFingerprints("lr", "lw", "rr", "rw", "{}");
        await using (var commit = await store.BeginCommitAsync())
        {
            commit.SaveLink(LinkStoreTarget.Link("c1", "001A"));
            commit.SaveFingerprints(Flow, "c1", prints);
            commit.SaveLink(LinkStoreTarget.Link("c2", "001B"));
            commit.SaveLink(LinkStoreTarget.Link("c1", "001A"));
            commit.SaveFingerprints(Flow, "c1", prints with { LocalRead = "lr2" });
            await commit.CommitAsync();
        }

        Assert.Equal(prints with { LocalRead = "lr2" }, (await store.FindByLocalIdAsync(Flow, "c1"))?.Fingerprints);
        Assert.Equal(LinkFingerprints.None, (await store.FindByLocalIdAsync(Flow, "c2"))?.Fingerprints);

        await using (var clash = await store.BeginCommitAsync())
        {
            clash.SaveLink(LinkStoreTarget.Link("c3", "001C"));
            clash.SaveLink(LinkStoreTarget.Link("c4", "001A"));
            clash.SaveFingerprints(Flow, "c4", prints);
            var error = await Assert.ThrowsAsync<SyncLinkConflictException>(() => clash.CommitAsync());
            Assert.Equal("c1", error.ExistingLocalId);
        }

        Assert.Null(await store.FindByLocalIdAsync(Flow, "c3"));
        Assert.Equal(prints with { LocalRead = "lr2" }, (await store.FindByLocalIdAsync(Flow, "c1"))?.Fingerprints);
    }

    [Fact]
    public async Task Saving_the_same_pair_again_keeps_the_first_provenance_and_other_flows_are_separate()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        await SaveAsync(store, LinkStoreTarget.Link("c1", "001A", SyncLinkProvenance.MatchedOnKey, "Email"));

        await SaveAsync(
            store,
            LinkStoreTarget.Link("c1", "001A", SyncLinkProvenance.CreatedBySync),
            LinkStoreTarget.Link("c1", "001A", flow: LinkStoreTarget.CustomersInExact),
            LinkStoreTarget.Link("c1", "001A", flow: new SyncFlowId("Contact", new SyncTarget("Salesforce", "Account"))));

        var stored = await store.FindByLocalIdAsync(new SyncFlowId("Customer", new SyncTarget("salesforce", "ACCOUNT")), "c1");
        Assert.Equal(SyncLinkProvenance.MatchedOnKey, stored?.Link.Provenance);
        Assert.Equal("Email", stored?.Link.MatchKey);
        Assert.Equal(2, (await store.GetLinksAsync("Customer", "c1")).Count);
    }

    [Fact]
    public async Task Who_is_linked_to_a_record_and_why()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        await SaveAsync(
            store,
            LinkStoreTarget.Link("c1", "001A", SyncLinkProvenance.MatchedOnKey, "Email"),
            LinkStoreTarget.Link("c1", "{guid-1}", SyncLinkProvenance.CreatedBySync, flow: LinkStoreTarget.CustomersInExact),
            LinkStoreTarget.Link("c2", "001B", SyncLinkProvenance.MatchedByReference));

        var links = await store.GetLinksAsync("Customer", "c1");

        Assert.Collection(
            links,
            exact =>
            {
                Assert.Equal(new SyncTarget("ExactOnline", "Accounts"), exact.Target);
                Assert.Equal("{guid-1}", exact.RemoteId);
                Assert.Equal(SyncLinkProvenance.CreatedBySync, exact.Provenance);
                Assert.Null(exact.MatchKey);
            },
            salesforce =>
            {
                Assert.Equal("Customer", salesforce.Entity);
                Assert.Equal("c1", salesforce.LocalId);
                Assert.Equal("001A", salesforce.RemoteId);
                Assert.Equal(SyncLinkProvenance.MatchedOnKey, salesforce.Provenance);
                Assert.Equal("Email", salesforce.MatchKey);
                Assert.Equal(new DateTimeOffset(2026, 5, 1, 9, 30, 15, 123, TimeSpan.Zero), salesforce.LinkedAt);
            });
        Assert.Equal("c2", (await store.FindByRemoteIdAsync(Flow, "001B"))?.Link.LocalId);
        Assert.Equal(SyncLinkProvenance.MatchedByReference, (await store.FindByRemoteIdAsync(Flow, "001B"))?.Link.Provenance);
        Assert.Empty(await store.GetLinksAsync("Customer", "nobody"));
    }

    [Fact]
    public async Task All_links_of_a_flow_stream_in_host_id_order_and_are_counted_per_flow()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        await SaveAsync(store, Enumerable.Range(0, 250).Select(i => LinkStoreTarget.Link($"c{i:D3}", $"001{i:D3}")).ToArray());
        await SaveAsync(store, LinkStoreTarget.Link("x", "y", flow: LinkStoreTarget.CustomersInExact));

        var ids = new List<string>();
        await foreach (var stored in store.ReadLinksAsync(Flow))
        {
            ids.Add(stored.Link.LocalId);
        }

        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"c{i:D3}"), ids);
        Assert.Equal(250, await store.CountLinksAsync(Flow));
        Assert.Equal(1, await store.CountLinksAsync(LinkStoreTarget.CustomersInExact));
        Assert.Equal(0, await store.CountLinksAsync(new SyncFlowId("Customer", new SyncTarget("SuperOffice", "Contact"))));
    }

    [Fact]
    public async Task Relinking_by_hand_frees_both_records_and_clears_fingerprints()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        await using (var commit = await store.BeginCommitAsync())
        {
            commit.SaveLink(LinkStoreTarget.Link("c1", "001A"));
            commit.SaveLink(LinkStoreTarget.Link("c2", "001B"));
            commit.SaveFingerprints(Flow, "c1", new LinkFingerprints("lr", "lw", "rr", "rw"));
            await commit.CommitAsync();
        }

        var relinked = await store.RelinkByHandAsync(Flow, "c1", "001B");

        Assert.Equal(SyncLinkProvenance.LinkedByHand, relinked.Provenance);
        Assert.Equal(temp.Clock.GetUtcNow(), relinked.LinkedAt);
        var stored = await store.FindByLocalIdAsync(Flow, "c1");
        Assert.Equal("001B", stored?.Link.RemoteId);
        Assert.Equal(SyncLinkProvenance.LinkedByHand, stored?.Link.Provenance);
        Assert.Equal(LinkFingerprints.None, stored?.Fingerprints);
        Assert.Null(await store.FindByLocalIdAsync(Flow, "c2"));
        Assert.Null(await store.FindByRemoteIdAsync(Flow, "001A"));
    }

    [Fact]
    public async Task Unlinking_removes_the_link_once()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        await store.LinkByHandAsync(Flow, "c1", "001A");

        Assert.True(await store.UnlinkAsync(Flow, "c1"));
        Assert.False(await store.UnlinkAsync(Flow, "c1"));
        Assert.Null(await store.FindByRemoteIdAsync(Flow, "001A"));
        await store.LinkByHandAsync(Flow, "c2", "001A");
        Assert.Equal("c2", (await store.FindByRemoteIdAsync(Flow, "001A"))?.Link.LocalId);
    }

    [Fact]
    public async Task A_flows_links_are_read_a_page_at_a_time_after_the_last_host_id_shown()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var operations = (ILinkStoreOperations)store;
        await SaveAsync(store, [.. Enumerable.Range(1, 7).Select(i => LinkStoreTarget.Link($"c{i:00}", $"001{i:00}"))]);
        await SaveAsync(store, LinkStoreTarget.Link("a00", "E1", flow: LinkStoreTarget.CustomersInExact));

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

    private static SyncLink Matched(string localId, string remoteId, string value, SyncFlowId? flow = null)
    {
        var f = flow ?? Flow;
        return new SyncLink(f.Entity, localId, f.Target, remoteId, SyncLinkProvenance.MatchedOnKey, "Email", new DateTimeOffset(2026, 5, 1, 9, 30, 0, TimeSpan.Zero)) { MatchValue = value };
    }
}
