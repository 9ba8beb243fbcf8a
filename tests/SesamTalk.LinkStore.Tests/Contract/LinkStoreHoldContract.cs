using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;

namespace SesamTalk.LinkStore.Tests.Contract;

/// <summary>Flows held by the mass-change breaker: held, counted again, approved with who and when, released into history.</summary>
public abstract class LinkStoreHoldContract
{
    private static readonly SyncFlowId Flow = LinkStoreTarget.Customers;

    /// <summary>A new empty store of the provider under test.</summary>
    protected abstract LinkStoreTarget NewTarget();

    [Fact]
    public async Task A_hold_keeps_when_it_began_takes_new_counts_and_is_listed_per_flow()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var since = temp.Clock.GetUtcNow();

        var first = await store.HoldFlowAsync(Flow, 7, 10, 5, "7 of 10");
        temp.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await store.HoldFlowAsync(Flow, 8, 10, 5, "8 of 10");

        Assert.Equal(new HeldFlow(Flow, since, since, 7, 10, 5, "7 of 10", null, null), first);
        Assert.Equal(new HeldFlow(Flow, since, temp.Clock.GetUtcNow(), 8, 10, 5, "8 of 10", null, null), again);
        Assert.Equal(again, await store.GetHeldFlowAsync(Flow));
        Assert.Null(await store.GetHeldFlowAsync(LinkStoreTarget.CustomersInExact));
        Assert.Equal([again], await store.ListHeldFlowsAsync());
    }

    [Fact]
    public async Task An_approval_is_kept_with_who_and_when_through_new_counts_and_into_the_history_when_the_hold_ends()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        var since = temp.Clock.GetUtcNow();
        await store.HoldFlowAsync(Flow, 7, 10, 5, "7 of 10");
        temp.Clock.Advance(TimeSpan.FromMinutes(1));
        var approvedAt = temp.Clock.GetUtcNow();

        Assert.Null(await store.ApproveHeldFlowAsync(LinkStoreTarget.CustomersInExact, "Ada"));
        var approved = await store.ApproveHeldFlowAsync(Flow, "Ada");
        await store.HoldFlowAsync(Flow, 8, 10, 5, "8 of 10");
        temp.Clock.Advance(TimeSpan.FromMinutes(1));
        var released = await store.ReleaseHeldFlowAsync(Flow, HoldReleaseReason.Approved);

        Assert.True(approved is { IsApproved: true, ApprovedBy: "Ada" } && approved.ApprovedAt == approvedAt, approved?.ToString());
        Assert.True(released);
        Assert.False(await store.ReleaseHeldFlowAsync(Flow, HoldReleaseReason.Approved));
        Assert.Null(await store.GetHeldFlowAsync(Flow));
        Assert.Empty(await store.ListHeldFlowsAsync());
        var history = Assert.Single(await store.GetReleasedHoldsAsync(Flow));
        Assert.Equal(new HeldFlow(Flow, since, approvedAt, 8, 10, 5, "8 of 10", "Ada", approvedAt), history.Hold);
        Assert.Equal((HoldReleaseReason.Approved, temp.Clock.GetUtcNow()), (history.Reason, history.ReleasedAt));
        Assert.Empty(await store.GetReleasedHoldsAsync(LinkStoreTarget.CustomersInExact));
    }

    [Fact]
    public async Task A_flow_held_again_after_its_release_starts_a_new_hold_with_no_approval()
    {
        await using var temp = NewTarget();
        var store = await temp.OpenAsync();
        await store.HoldFlowAsync(Flow, 7, 10, 5, "7 of 10");
        await store.ApproveHeldFlowAsync(Flow, "Ada");
        await store.ReleaseHeldFlowAsync(Flow, HoldReleaseReason.Approved);
        temp.Clock.Advance(TimeSpan.FromDays(1));

        var next = await store.HoldFlowAsync(Flow, 6, 3, 20, "6 of 3");
        await store.ReleaseHeldFlowAsync(Flow, HoldReleaseReason.SourceFixed);

        Assert.Equal((temp.Clock.GetUtcNow(), false), (next.Since, next.IsApproved));
        Assert.Equal(
            [(HoldReleaseReason.Approved, "Ada"), (HoldReleaseReason.SourceFixed, null)],
            (await store.GetReleasedHoldsAsync(Flow)).Select(release => (release.Reason, release.Hold.ApprovedBy)));
    }
}
