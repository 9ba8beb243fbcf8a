using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;

namespace SesamTalk.LinkStore.Tests.Contract;

/// <summary>The unit of work: a page's links, fingerprints and cursor commit together or not at all; intents survive a crash; parallel commits lose nothing.</summary>
public abstract class LinkStoreCommitContract
{
    private static readonly SyncFlowId Flow = LinkStoreTarget.Customers;
    private static readonly LinkFingerprints First = new("lr1", "lw1", "rr1", "rw1");

    /// <summary>A new empty store of the provider under test.</summary>
    protected abstract LinkStoreTarget NewTarget();

    private static async Task<ILinkStore> OpenWithFirstPageAsync(LinkStoreTarget temp)
    {
        var store = await temp.OpenAsync();
        await using var commit = await store.BeginCommitAsync();
        commit.SaveLink(LinkStoreTarget.Link("c1", "001A"));
        commit.SaveFingerprints(Flow, "c1", First);
        commit.SaveCursor(Flow, SyncSide.Remote, "2026-05-01T09:00:00Z|001A");
        await commit.CommitAsync();
        return store;
    }

    private static async Task AssertFirstPageOnlyAsync(ILinkStore store)
    {
        Assert.Equal(First, (await store.FindByLocalIdAsync(Flow, "c1"))?.Fingerprints);
        Assert.Null(await store.FindByLocalIdAsync(Flow, "c2"));
        Assert.Equal("2026-05-01T09:00:00Z|001A", await store.GetCursorAsync(Flow, SyncSide.Remote));
        Assert.Null(await store.GetCursorAsync(Flow, SyncSide.Local));
    }

    [Fact]
    public async Task A_commit_writes_links_fingerprints_and_cursors_together()
    {
        await using var temp = NewTarget();
        var store = await OpenWithFirstPageAsync(temp);

        await using (var commit = await store.BeginCommitAsync())
        {
            commit.SaveLink(LinkStoreTarget.Link("c2", "001B"));
            commit.SaveFingerprints(Flow, "c2", new LinkFingerprints("a", null, "b", null));
            commit.SaveFingerprints(Flow, "c1", First with { RemoteRead = "rr2" });
            commit.SaveCursor(Flow, SyncSide.Remote, "page-2");
            commit.SaveCursor(Flow, SyncSide.Local, "local-1");
            Assert.Equal(5, commit.Count);
            await commit.CommitAsync();
        }

        Assert.Equal(new LinkFingerprints("a", null, "b", null), (await store.FindByRemoteIdAsync(Flow, "001B"))?.Fingerprints);
        Assert.Equal("rr2", (await store.FindByLocalIdAsync(Flow, "c1"))?.Fingerprints.RemoteRead);
        Assert.Equal("page-2", await store.GetCursorAsync(Flow, SyncSide.Remote));
        Assert.Equal("local-1", await store.GetCursorAsync(Flow, SyncSide.Local));
        Assert.Null(await store.GetCursorAsync(LinkStoreTarget.CustomersInExact, SyncSide.Remote));
    }

    [Fact]
    public async Task Disposing_a_commit_without_committing_changes_nothing()
    {
        await using var temp = NewTarget();
        var store = await OpenWithFirstPageAsync(temp);

        await using (var commit = await store.BeginCommitAsync())
        {
            QueueSecondPage(commit);
            commit.SaveCursor(Flow, SyncSide.Local, "local-1");

            // The "crash": the writes these describe never happened, so neither does the commit.
        }

        await AssertFirstPageOnlyAsync(store);
    }

    [Fact]
    public async Task A_commit_that_fails_part_way_rolls_back_what_came_before()
    {
        await using var temp = NewTarget();
        var store = await OpenWithFirstPageAsync(temp);

        await using (var commit = await store.BeginCommitAsync())
        {
            QueueSecondPage(commit);
            commit.SaveLink(LinkStoreTarget.Link("c3", "001A"));
            await Assert.ThrowsAsync<SyncLinkConflictException>(() => commit.CommitAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => commit.CommitAsync());
        }

        await AssertFirstPageOnlyAsync(store);
    }

    [Fact]
    public async Task A_page_of_links_fingerprints_and_intents_in_one_commit_fails_whole_on_one_unknown_intent_or_missing_link()
    {
        await using var temp = NewTarget();
        var store = await OpenWithFirstPageAsync(temp);
        var intents = await store.RecordIntentsAsync(Flow, SyncSide.Local, ["n1", "n2"]);
        await using (var unknownIntent = await store.BeginCommitAsync())
        {
            unknownIntent.SaveLink(LinkStoreTarget.Link("n1", "009A"));
            unknownIntent.SaveFingerprints(Flow, "n1", First);
            unknownIntent.CompleteIntent(intents[0].IdempotencyKey);
            unknownIntent.SaveLink(LinkStoreTarget.Link("n2", "009B"));
            unknownIntent.CompleteIntent("not-a-key");
            unknownIntent.CompleteIntent(intents[1].IdempotencyKey);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => unknownIntent.CommitAsync());
            Assert.Equal("There is no pending create with idempotency key 'not-a-key'.", error.Message);
        }

        await using (var missingLink = await store.BeginCommitAsync())
        {
            missingLink.SaveLink(LinkStoreTarget.Link("n1", "009A"));
            missingLink.SaveCursor(Flow, SyncSide.Remote, "page-2");
            missingLink.SaveFingerprints(Flow, "n1", First);
            missingLink.SaveFingerprints(Flow, "ghost", First);
            await Assert.ThrowsAsync<InvalidOperationException>(() => missingLink.CommitAsync());
        }

        await AssertFirstPageOnlyAsync(store);
        Assert.Null(await store.FindByLocalIdAsync(Flow, "n1"));
        Assert.Equal(2, (await store.ListOpenIntentsAsync(Flow)).Count);
    }

    [Fact]
    public async Task Fingerprints_of_a_missing_link_fail_the_commit()
    {
        await using var temp = NewTarget();
        var store = await OpenWithFirstPageAsync(temp);
        await using var commit = await store.BeginCommitAsync();
        commit.SaveCursor(Flow, SyncSide.Remote, "page-2");
        commit.SaveFingerprints(Flow, "ghost", First);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => commit.CommitAsync());

        Assert.Equal("Customer 'ghost' has no link to Salesforce/Account; save the link before its fingerprints.", error.Message);
        await AssertFirstPageOnlyAsync(store);
    }

    [Fact]
    public async Task Recorded_intents_are_the_ones_the_store_lists_to_the_tick_it_keeps()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        temp.Clock.Advance(TimeSpan.FromTicks(1_234_567)); // 0.1234567 s: more digits than PostgreSQL keeps

        var recorded = await store.RecordIntentsAsync(Flow, SyncSide.Local, ["t1", "t2"]);

        var listed = await store.ListOpenIntentsAsync(Flow);
        Assert.Equal(recorded.OrderBy(intent => intent.SourceId), listed.OrderBy(intent => intent.SourceId));
    }

    [Fact]
    public async Task Open_intents_survive_a_crash_and_are_completed_with_their_link()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var intents = await store.RecordIntentsAsync(Flow, SyncSide.Local, ["c1", "c2"]);
        var (lost, done) = (intents[0], intents[1]);
        Assert.Equal(["c1", "c2"], intents.Select(intent => intent.SourceId));
        Assert.NotEqual(lost.IdempotencyKey, done.IdempotencyKey);
        await using (var commit = await store.BeginCommitAsync())
        {
            commit.SaveLink(LinkStoreTarget.Link("c2", "001B"));
            commit.CompleteIntent(done.IdempotencyKey);
            await commit.CommitAsync();
        }

        // c1's create went out and its response was lost: the process dies here.
        var lostKey = lost.IdempotencyKey;

        var reopened = await temp.OpenAsync();
        var open = Assert.Single(await reopened.ListOpenIntentsAsync(Flow));
        Assert.Equal(new PendingCreate(lostKey, Flow, SyncSide.Local, "c1", temp.Clock.GetUtcNow()), open);
        var again = await reopened.RecordIntentsAsync(Flow, SyncSide.Local, ["c3", "c1"]);
        Assert.Equal(lostKey, again[1].IdempotencyKey);
        Assert.NotEqual(lostKey, again[0].IdempotencyKey);
        Assert.Empty(await reopened.ListOpenIntentsAsync(LinkStoreTarget.CustomersInExact));

        // Resolved (found by its idempotency key): link and complete in one commit.
        await using (var commit = await reopened.BeginCommitAsync())
        {
            commit.SaveLink(LinkStoreTarget.Link("c1", "001A"));
            commit.CompleteIntent(lostKey);
            await commit.CommitAsync();
        }

        Assert.Equal(["c3"], (await reopened.ListOpenIntentsAsync(Flow)).Select(intent => intent.SourceId));
        Assert.NotEqual(lostKey, (await reopened.RecordIntentsAsync(Flow, SyncSide.Local, ["c1"]))[0].IdempotencyKey);
    }

    [Fact]
    public async Task A_unit_of_thousands_of_links_commits_whole_across_the_stores_statements_and_a_late_clash_fails_all_of_it()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var ids = Enumerable.Range(0, 3000).Select(i => $"c{i}").ToArray();
        var agreed = "{\"Name\":\"" + new string('x', 1000) + "\"}"; // a state this size makes many statements of a unit
        var intents = await store.RecordIntentsAsync(Flow, SyncSide.Local, ids);
        Assert.Equal(ids, intents.Select(intent => intent.SourceId));
        Assert.Equal(3000, intents.Select(intent => intent.IdempotencyKey).Distinct().Count());
        Assert.Equal(intents, await store.RecordIntentsAsync(Flow, SyncSide.Local, ids)); // the open ones, found again
        await using (var commit = await store.BeginCommitAsync())
        {
            for (var i = 0; i < ids.Length; i++)
            {
                commit.SaveLink(LinkStoreTarget.Link(ids[i], $"001{i}"));
                commit.SaveFingerprints(Flow, ids[i], First with { Agreed = agreed });
                commit.CompleteIntent(intents[i].IdempotencyKey);
            }

            commit.SaveLink(LinkStoreTarget.Link("c2999", "0012999")); // the same pair again, in the last run: kept
            await commit.CommitAsync();
        }

        var linked = await store.FindLinksAsync(Flow, SyncSide.Local, ids);
        Assert.Equal(3000, linked.Count);
        Assert.All(linked.Values, link => Assert.Equal(First with { Agreed = agreed }, link.Fingerprints));
        Assert.Empty(await store.ListOpenIntentsAsync(Flow));

        await using (var clash = await store.BeginCommitAsync())
        {
            foreach (var id in ids)
            {
                clash.SaveFingerprints(Flow, id, First with { LocalRead = "lr2", Agreed = "{}" });
            }

            clash.SaveLink(LinkStoreTarget.Link("c-new", "0012999")); // its remote record is c2999's
            await Assert.ThrowsAsync<SyncLinkConflictException>(() => clash.CommitAsync());
        }

        Assert.All((await store.FindLinksAsync(Flow, SyncSide.Local, ids)).Values, link => Assert.Equal(First with { Agreed = agreed }, link.Fingerprints));
        Assert.Null(await store.FindByLocalIdAsync(Flow, "c-new"));
    }

    [Fact]
    public async Task The_engines_agreed_state_is_stored_as_the_text_it_reads_as_with_a_new_link_and_on_its_own()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var inserted = AgreedState.Parse("{\"City\":\"Z\u00FCrich \\\"<&>\\\" \u6771\u4EAC\",\"Name\":\"a+b/c=\",\"@remote\":{\"Name\":\"A+B\"}}")!;
        var updated = AgreedState.Parse("{\"Name\":\"d'e\\\\f\"}")!;
        await using (var commit = await store.BeginCommitAsync())
        {
            commit.SaveLink(LinkStoreTarget.Link("c1", "001A"));
            commit.SaveFingerprints(Flow, "c1", LinkFingerprints.WithAgreedState("lr1", "lw1", "rr1", "rw1", inserted));
            await commit.CommitAsync();
        }

        Assert.Equal(First with { Agreed = inserted.ToString() }, (await store.FindByLocalIdAsync(Flow, "c1"))?.Fingerprints);
        await using (var commit = await store.BeginCommitAsync())
        {
            commit.SaveFingerprints(Flow, "c1", LinkFingerprints.WithAgreedState("lr1", "lw1", "rr1", "rw1", updated));
            await commit.CommitAsync();
        }

        Assert.Equal(First with { Agreed = updated.ToString() }, (await store.FindByLocalIdAsync(Flow, "c1"))?.Fingerprints);
    }

    [Fact]
    public async Task A_copy_of_the_engines_fingerprints_with_another_agreed_state_stores_that_one()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var engines = LinkFingerprints.WithAgreedState("lr1", "lw1", "rr1", "rw1", AgreedState.Parse("{\"Name\":\"x\"}")!);
        await using (var commit = await store.BeginCommitAsync())
        {
            commit.SaveLink(LinkStoreTarget.Link("c1", "001A"));
            commit.SaveFingerprints(Flow, "c1", engines with { Agreed = "{\"Name\":\"y\"}" });
            await commit.CommitAsync();
        }

        Assert.Equal("{\"Name\":\"y\"}", (await store.FindByLocalIdAsync(Flow, "c1"))?.Fingerprints.Agreed);
    }

    [Fact]
    public async Task Links_and_fingerprints_of_other_flows_kinds_and_times_in_one_commit_are_stored_each_as_given()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var links = new[]
        {
            LinkStoreTarget.Link("c1", "001A"),
            new SyncLink("Customer", "c2", Flow.Target, "001B", SyncLinkProvenance.MatchedOnKey, "Email", LinkStoreTarget.Link("c", "r").LinkedAt) { MatchValue = "a@example.com" },
            LinkStoreTarget.Link("c1", "X1", flow: LinkStoreTarget.CustomersInExact),
            new SyncLink("Customer", "c3", Flow.Target, "001C", SyncLinkProvenance.CreatedBySync, null, new DateTimeOffset(2026, 5, 2, 8, 0, 0, TimeSpan.Zero)),
            LinkStoreTarget.Link("c4", "001D"),
        };
        await using (var commit = await store.BeginCommitAsync())
        {
            foreach (var link in links)
            {
                commit.SaveLink(link);
                commit.SaveFingerprints(new SyncFlowId(link.Entity, link.Target), link.LocalId, First with { LocalRead = link.RemoteId });
            }

            await commit.CommitAsync();
        }

        await using (var commit = await store.BeginCommitAsync())
        {
            commit.SaveFingerprints(Flow, "c1", First with { Agreed = "c1" });
            commit.SaveFingerprints(LinkStoreTarget.CustomersInExact, "c1", First with { Agreed = "x1" });
            commit.SaveFingerprints(Flow, "c2", First with { Agreed = "c2" });
            await commit.CommitAsync();
        }

        var updated = new[] { "c1", "c2", "x1", null, null };
        for (var i = 0; i < links.Length; i++)
        {
            var stored = await store.FindByLocalIdAsync(new SyncFlowId(links[i].Entity, links[i].Target), links[i].LocalId);
            Assert.Equivalent(links[i], stored?.Link, strict: true);
            Assert.Equal(updated[i] is { } agreed ? First with { Agreed = agreed } : First with { LocalRead = links[i].RemoteId }, stored?.Fingerprints);
        }
    }

    [Fact]
    public async Task A_completed_intent_leaves_nothing_behind_in_the_store()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var intents = await store.RecordIntentsAsync(Flow, SyncSide.Local, ["c0", "c1", "c2"]);

        await using (var commit = await store.BeginCommitAsync())
        {
            foreach (var intent in intents)
            {
                commit.SaveLink(LinkStoreTarget.Link(intent.SourceId, "001" + intent.SourceId));
                commit.CompleteIntent(intent.IdempotencyKey);
                commit.CompleteIntent(intent.IdempotencyKey); // twice in one commit is once
            }

            await commit.CommitAsync();
        }

        Assert.Equal(0L, await temp.CountRowsAsync("intents"));
    }

    [Fact]
    public async Task Completing_an_unknown_intent_fails_the_commit_and_its_link()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        await using var commit = await store.BeginCommitAsync();
        commit.SaveLink(LinkStoreTarget.Link("c1", "001A"));
        commit.CompleteIntent("no-such-key");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => commit.CommitAsync());

        Assert.Contains("no-such-key", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindByLocalIdAsync(Flow, "c1"));
    }

    [Fact]
    public async Task Parallel_commits_from_two_store_instances_lose_no_writes()
    {
        const int Tasks = 6;
        const int Pages = 15;
        await using var temp = NewTarget();
        var first = await temp.OpenAsync();
        var second = await temp.OpenAsync();

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var store = t % 2 == 0 ? first : second;
            for (var page = 0; page < Pages; page++)
            {
                await using var commit = await store.BeginCommitAsync();
                foreach (var row in new[] { 0, 1 })
                {
                    var id = $"t{t}-p{page:D2}-{row}";
                    commit.SaveLink(LinkStoreTarget.Link(id, "R" + id));
                    commit.SaveFingerprints(Flow, id, new LinkFingerprints(id, null, null, null));
                }

                commit.SaveCursor(new SyncFlowId("Task" + t, new SyncTarget("Salesforce", "Account")), SyncSide.Remote, $"page-{page}");
                await commit.CommitAsync();
            }
        })));

        var links = new List<StoredLink>();
        await foreach (var stored in first.ReadLinksAsync(Flow))
        {
            links.Add(stored);
        }

        Assert.Equal(Tasks * Pages * 2, links.Count);
        Assert.All(links, l => Assert.Equal(l.Link.LocalId, l.Fingerprints.LocalRead));
        for (var t = 0; t < Tasks; t++)
        {
            Assert.Equal($"page-{Pages - 1}", await second.GetCursorAsync(new SyncFlowId("Task" + t, new SyncTarget("Salesforce", "Account")), SyncSide.Remote));
        }
    }

    /// <summary>Queues a second page's writes: a new link, new fingerprints for c1, and the page's cursor.</summary>
    private static void QueueSecondPage(ILinkStoreCommit commit)
    {
        commit.SaveLink(LinkStoreTarget.Link("c2", "001B"));
        commit.SaveFingerprints(Flow, "c1", new LinkFingerprints("x", "x", "x", "x"));
        commit.SaveCursor(Flow, SyncSide.Remote, "page-2");
    }
}
