using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;

namespace SesamTalk.LinkStore.Tests.Contract;

/// <summary>Conflicts are recorded and queryable; quarantined records are listed, counted, released and retried.</summary>
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
}
