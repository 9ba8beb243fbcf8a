using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;

namespace SesamTalk.LinkStore.Tests.Contract;

/// <summary>
/// Conflicts are recorded and queryable, by record and by time; quarantined records are listed, counted, released,
/// retried and dropped.
/// </summary>
public abstract class LinkStoreProblemContract
{
    private static readonly SyncFlowId Flow = LinkStoreTarget.Customers;

    /// <summary>A new empty store of the provider under test.</summary>
    protected abstract LinkStoreTarget NewTarget();

    [Fact]
    public async Task Conflicts_are_recorded_with_the_batch_and_queried_by_flow_and_record()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var at = temp.Clock.GetUtcNow();
        var name = new ConflictRecord(Flow, "c1", "001A", "Name", "Acme AS", "ACME", ConflictRule.LatestWins, SyncSide.Local, at);
        var phone = new ConflictRecord(Flow, "c2", "001B", "Phone", null, "+47 1234", ConflictRule.RemoteWins, SyncSide.Remote, at.AddSeconds(1));
        await using (var commit = await store.BeginCommitAsync())
        {
            commit.RecordConflict(name);
            commit.RecordConflict(phone);
            commit.RecordConflict(phone with { Flow = LinkStoreTarget.CustomersInExact });
            await commit.CommitAsync();
        }

        await using (var discarded = await store.BeginCommitAsync())
        {
            discarded.RecordConflict(name with { Field = "Never" });
        }

        Assert.Equal([name, phone], await store.GetConflictsAsync(Flow));
        Assert.Equal([phone], await store.GetConflictsAsync(Flow, "c2"));
        Assert.Single(await store.GetConflictsAsync(LinkStoreTarget.CustomersInExact));
        Assert.Empty(await store.GetConflictsAsync(Flow, "c9"));
    }

    [Fact]
    public async Task Quarantined_records_are_listed_counted_released_and_held_again_on_failure()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        async Task QuarantineAsync(SyncSide side, string id, string error)
        {
            await using var commit = await store.BeginCommitAsync();
            commit.Quarantine(Flow, side, id, error, "{\"Id\":\"" + id + "\"}");
            await commit.CommitAsync();
        }

        await QuarantineAsync(SyncSide.Remote, "001A", "AnnualRevenue: 'lots' is not a number");
        temp.Clock.Advance(TimeSpan.FromMinutes(1));
        await QuarantineAsync(SyncSide.Local, "c7", "Name is required");
        await QuarantineAsync(SyncSide.Remote, "001A", "AnnualRevenue: 'many' is not a number");

        Assert.Equal(2, await store.CountQuarantinedAsync(Flow));
        Assert.Equal(0, await store.CountQuarantinedAsync(LinkStoreTarget.CustomersInExact));
        var held = await store.ListQuarantinedAsync(Flow);
        Assert.Equal(["001A", "c7"], held.Select(q => q.RecordId));
        Assert.Equal(new QuarantinedRecord(Flow, SyncSide.Remote, "001A", "AnnualRevenue: 'many' is not a number", "{\"Id\":\"001A\"}", temp.Clock.GetUtcNow(), 2, null), held[0]);

        Assert.True(await store.ReleaseQuarantinedAsync(Flow, SyncSide.Remote, "001A"));
        Assert.False(await store.ReleaseQuarantinedAsync(Flow, SyncSide.Remote, "001A"));
        Assert.False(await store.ReleaseQuarantinedAsync(Flow, SyncSide.Local, "001A"));
        Assert.Equal(1, await store.CountQuarantinedAsync(Flow));
        Assert.True((await store.ListQuarantinedAsync(Flow))[0].IsReleased);

        // The retry fails again: held once more, a third attempt.
        await QuarantineAsync(SyncSide.Remote, "001A", "still bad");
        var again = (await store.ListQuarantinedAsync(Flow))[0];
        Assert.False(again.IsReleased);
        Assert.Equal(3, again.Attempts);
        Assert.Equal(2, await store.CountQuarantinedAsync(Flow));

        // The other one goes through.
        await using (var commit = await store.BeginCommitAsync())
        {
            commit.ClearQuarantine(Flow, SyncSide.Local, "c7");
            await commit.CommitAsync();
        }

        Assert.Equal(["001A"], (await store.ListQuarantinedAsync(Flow)).Select(q => q.RecordId));
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
