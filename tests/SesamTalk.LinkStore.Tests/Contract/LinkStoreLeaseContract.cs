using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;

namespace SesamTalk.LinkStore.Tests.Contract;

/// <summary>The flow lease between two store instances on one store (two processes, as far as the store can tell), and the commits it fences.</summary>
public abstract class LinkStoreLeaseContract
{
    private static readonly SyncFlowId Flow = LinkStoreTarget.Customers;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>A new empty store of the provider under test.</summary>
    protected abstract LinkStoreTarget NewTarget();

    [Fact]
    public async Task A_held_lease_keeps_the_other_instance_out_until_released()
    {
        await using var temp = NewTarget();
        var a = await temp.OpenAsync();
        var b = await temp.OpenAsync();

        Assert.NotNull(await a.TryAcquireLeaseAsync(Flow, "host-a", Minute));
        Assert.Null(await b.TryAcquireLeaseAsync(Flow, "host-b", Minute));
        Assert.NotNull(await b.TryAcquireLeaseAsync(LinkStoreTarget.CustomersInExact, "host-b", Minute));
        Assert.NotNull(await a.TryAcquireLeaseAsync(Flow, "host-a", Minute));
        Assert.True(await a.RenewLeaseAsync(Flow, "host-a", Minute));
        Assert.False(await b.RenewLeaseAsync(Flow, "host-b", Minute));
        Assert.False(await b.ReleaseLeaseAsync(Flow, "host-b"));
        Assert.Null(await b.TryAcquireLeaseAsync(Flow, "host-b", Minute));

        Assert.True(await a.ReleaseLeaseAsync(Flow, "host-a"));

        Assert.NotNull(await b.TryAcquireLeaseAsync(Flow, "host-b", Minute));
        Assert.Null(await a.TryAcquireLeaseAsync(Flow, "host-a", Minute));
    }

    [Fact]
    public async Task An_expired_lease_can_be_taken_over_and_its_old_owner_cannot_renew_it()
    {
        await using var temp = NewTarget();
        var a = await temp.OpenAsync();
        var b = await temp.OpenAsync();
        Assert.NotNull(await a.TryAcquireLeaseAsync(Flow, "host-a", Minute));

        temp.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(await b.TryAcquireLeaseAsync(Flow, "host-b", Minute));
        temp.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(await b.TryAcquireLeaseAsync(Flow, "host-b", Minute));

        Assert.False(await a.RenewLeaseAsync(Flow, "host-a", Minute));
        Assert.False(await a.ReleaseLeaseAsync(Flow, "host-a"));
        Assert.Null(await a.TryAcquireLeaseAsync(Flow, "host-a", Minute));
    }

    [Fact]
    public async Task When_a_lease_was_last_taken_is_kept_through_release_and_expiry_and_moves_with_every_acquire_and_take_over()
    {
        await using var temp = NewTarget();
        var a = await temp.OpenAsync();
        var b = await temp.OpenAsync();
        Assert.Null(await b.GetLeaseTakenAtAsync(Flow));

        var acquired = temp.Clock.GetUtcNow();
        Assert.NotNull(await a.TryAcquireLeaseAsync(Flow, "host-a", Minute));
        temp.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await a.RenewLeaseAsync(Flow, "host-a", Minute));
        Assert.True(await a.ReleaseLeaseAsync(Flow, "host-a"));
        Assert.Equal(acquired, await b.GetLeaseTakenAtAsync(Flow));

        temp.Clock.Advance(TimeSpan.FromMinutes(5));
        var taken = temp.Clock.GetUtcNow();
        Assert.NotNull(await b.TryAcquireLeaseAsync(Flow, "host-b", Minute));
        temp.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(taken, await a.GetLeaseTakenAtAsync(Flow));

        var takenOver = temp.Clock.GetUtcNow();
        Assert.NotNull(await a.TakeOverLeaseAsync(Flow, "host-b", "host-a", Minute));
        Assert.Equal(takenOver, await b.GetLeaseTakenAtAsync(Flow));
        Assert.Null(await b.GetLeaseTakenAtAsync(LinkStoreTarget.CustomersInExact));
    }

    [Fact]
    public async Task Racing_instances_never_both_get_the_lease()
    {
        await using var temp = NewTarget();
        var stores = new List<ILinkStore>();
        for (var i = 0; i < 4; i++)
        {
            stores.Add(await temp.OpenAsync());
        }

        var won = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.TryAcquireLeaseAsync(Flow, $"host-{i}", Minute))));

        Assert.Single(won, w => w is not null);
    }

    [Fact]
    public async Task Every_acquire_and_take_over_raises_the_epoch_and_a_release_does_not_reset_it()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();

        var first = await store.TryAcquireLeaseAsync(Flow, "host-a", Minute);
        var again = await store.TryAcquireLeaseAsync(Flow, "host-a", Minute);
        var takenOver = await store.TakeOverLeaseAsync(Flow, "host-a", "host-b", Minute);
        Assert.True(await store.ReleaseLeaseAsync(Flow, "host-b"));
        Assert.Null(await store.GetLeaseOwnerAsync(Flow));
        var afterRelease = await store.TryAcquireLeaseAsync(Flow, "host-c", Minute);

        Assert.Equal(new SyncLease(Flow, "host-a", 1), first);
        Assert.Equal([2L, 3L, 4L], new[] { again!.Epoch, takenOver!.Epoch, afterRelease!.Epoch });
        Assert.Equal(("host-b", "host-c"), (takenOver.Owner, afterRelease.Owner));
        Assert.Null(await store.TakeOverLeaseAsync(Flow, "host-a", "host-d", Minute));
        Assert.Equal("host-c", await store.GetLeaseOwnerAsync(Flow));
    }

    [Fact]
    public async Task A_commit_under_a_lease_that_was_taken_over_is_refused_and_writes_nothing()
    {
        await using var temp = NewTarget();
        var a = await temp.OpenAsync();
        var b = await temp.OpenAsync();
        var leaseOfA = await a.TryAcquireLeaseAsync(Flow, "host-a", Minute);
        var intent = Assert.Single(await a.RecordIntentsAsync(Flow, SyncSide.Local, ["c2"]));

        // A pauses past its lease (a GC pause, a frozen VM); B takes the flow over and A wakes with its unit of work.
        temp.Clock.Advance(Minute * 2);
        var leaseOfB = await b.TryAcquireLeaseAsync(Flow, "host-b", Minute);
        await using (var stale = await a.BeginCommitAsync())
        {
            stale.RequireLease(leaseOfA!);
            stale.SaveLink(LinkStoreTarget.Link("c1", "001A"));
            stale.SaveFingerprints(Flow, "c1", new LinkFingerprints("lr", "lw", "rr", "rw"));
            stale.SaveLink(LinkStoreTarget.Link("c2", "001B"));
            stale.CompleteIntent(intent.IdempotencyKey);
            stale.SaveCursor(Flow, SyncSide.Remote, "stale-page");
            stale.Quarantine(Flow, SyncSide.Remote, "001X", "bad", null);
            stale.RecordConflict(new ConflictRecord(Flow, "c1", "001A", "Name", "a", "b", ConflictRule.LatestWins, SyncSide.Remote, temp.Clock.GetUtcNow()));

            await Assert.ThrowsAsync<SesamTalk.Connectors.Engine.SyncLeaseLostException>(() => stale.CommitAsync());
        }

        Assert.Equal(0, await b.CountLinksAsync(Flow));
        Assert.Null(await b.GetCursorAsync(Flow, SyncSide.Remote));
        Assert.Equal(0, await b.CountQuarantinedAsync(Flow));
        Assert.Empty(await b.GetConflictsAsync(Flow));
        Assert.Equal(intent, Assert.Single(await b.ListOpenIntentsAsync(Flow)));

        // B's own commit under its lease goes through.
        await using (var current = await b.BeginCommitAsync())
        {
            current.RequireLease(leaseOfB!);
            current.SaveLink(LinkStoreTarget.Link("c1", "001A"));
            current.SaveCursor(Flow, SyncSide.Remote, "page-1");
            await current.CommitAsync();
        }

        Assert.Equal("page-1", await a.GetCursorAsync(Flow, SyncSide.Remote));
    }

    [Fact]
    public async Task A_commit_under_a_lease_that_lapsed_but_was_not_taken_over_still_commits()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var lease = await store.TryAcquireLeaseAsync(Flow, "host-a", Minute);
        temp.Clock.Advance(Minute * 2);

        await using (var commit = await store.BeginCommitAsync())
        {
            commit.RequireLease(lease!);
            commit.SaveCursor(Flow, SyncSide.Remote, "page-1");
            await commit.CommitAsync();
        }

        Assert.Equal("page-1", await store.GetCursorAsync(Flow, SyncSide.Remote));
        await using var released = await store.BeginCommitAsync();
        Assert.True(await store.ReleaseLeaseAsync(Flow, "host-a"));
        released.RequireLease(lease!);
        released.SaveCursor(Flow, SyncSide.Remote, "page-2");
        await Assert.ThrowsAsync<SesamTalk.Connectors.Engine.SyncLeaseLostException>(() => released.CommitAsync());
        Assert.Equal("page-1", await store.GetCursorAsync(Flow, SyncSide.Remote));
    }
}
