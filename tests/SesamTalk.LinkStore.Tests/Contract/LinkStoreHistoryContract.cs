using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;

namespace SesamTalk.LinkStore.Tests.Contract;

/// <summary>The history of cycles: recorded per flow with every figure, read newest first, pruned to the latest as cycles are added.</summary>
public abstract class LinkStoreHistoryContract
{
    private static readonly SyncFlowId Flow = LinkStoreTarget.Customers;

    /// <summary>A new empty store of the provider under test.</summary>
    protected abstract LinkStoreTarget NewTarget();

    private static CycleRecord Cycle(DateTimeOffset startedAt, int read, SyncFlowId? flow = null)
    {
        var f = flow ?? Flow;
        return new CycleRecord(startedAt, startedAt.AddSeconds(2.5), new SyncFlowReport(f.Entity, f.Target) { Read = read });
    }

    [Fact]
    public async Task A_cycle_is_kept_with_every_figure_and_read_back_newest_first_per_flow()
    {
        await using var temp = NewTarget();
        var history = (ICycleHistoryStore)await temp.OpenAsync();
        var at = temp.Clock.GetUtcNow();
        var first = new CycleRecord(at, at.AddSeconds(3.25), new SyncFlowReport(Flow.Entity, Flow.Target)
        {
            Read = 12, Created = 3, Updated = 4, Deleted = 1, Linked = 40, Unchanged = 5, Conflicts = 2, Quarantined = 1, ApiCalls = 7,
        });
        var stopped = new CycleRecord(at.AddMinutes(5), at.AddMinutes(5).AddSeconds(1), new SyncFlowReport(Flow.Entity, Flow.Target)
        {
            Read = 1, Stopped = true, StopReason = "Salesforce's daily API limit is used up", Failed = true, Held = false, ApiCalls = 1,
        });
        await history.RecordCycleAsync(first, keep: 10);
        await history.RecordCycleAsync(Cycle(at.AddMinutes(1), 99, LinkStoreTarget.CustomersInExact), keep: 10);
        await history.RecordCycleAsync(stopped, keep: 10);

        var cycles = await history.GetCycleHistoryAsync(Flow, limit: 10);

        Assert.Equal([stopped.StartedAt, first.StartedAt], cycles.Select(c => c.StartedAt));
        Assert.Equal(Flow, cycles[1].Flow);
        Assert.Equal(first.EndedAt, cycles[1].EndedAt);
        var report = cycles[1].Report;
        Assert.Equal(
            (12, 3, 4, 1, 40, 5, 2, 1, 7, false, null, false, false),
            (report.Read, report.Created, report.Updated, report.Deleted, report.Linked, report.Unchanged, report.Conflicts, report.Quarantined, report.ApiCalls,
                report.Stopped, (string?)report.StopReason, report.Held, report.Failed));
        Assert.Equal((true, "Salesforce's daily API limit is used up", true), (cycles[0].Report.Stopped, cycles[0].Report.StopReason, cycles[0].Report.Failed));
        Assert.Equal([99], (await history.GetCycleHistoryAsync(LinkStoreTarget.CustomersInExact, limit: 10)).Select(c => c.Report.Read));
        Assert.Equal([stopped.StartedAt], (await history.GetCycleHistoryAsync(Flow, limit: 1)).Select(c => c.StartedAt));
    }

    [Fact]
    public async Task Recording_a_cycle_forgets_the_flows_cycles_beyond_the_latest_it_keeps_and_no_other_flows()
    {
        await using var temp = NewTarget();
        var history = (ICycleHistoryStore)await temp.OpenAsync();
        var at = temp.Clock.GetUtcNow();
        await history.RecordCycleAsync(Cycle(at, 500, LinkStoreTarget.CustomersInExact), keep: 3);
        for (var i = 1; i <= 5; i++)
        {
            await history.RecordCycleAsync(Cycle(at.AddMinutes(i), i), keep: 3);
        }

        Assert.Equal([5, 4, 3], (await history.GetCycleHistoryAsync(Flow, limit: 10)).Select(c => c.Report.Read));
        Assert.Equal(4, await temp.CountRowsAsync("cycles"));

        // A smaller retention takes effect with the next cycle.
        await history.RecordCycleAsync(Cycle(at.AddMinutes(6), 6), keep: 1);
        Assert.Equal([6], (await history.GetCycleHistoryAsync(Flow, limit: 10)).Select(c => c.Report.Read));
        Assert.Equal([500], (await history.GetCycleHistoryAsync(LinkStoreTarget.CustomersInExact, limit: 10)).Select(c => c.Report.Read));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => history.RecordCycleAsync(Cycle(at, 1), keep: 0));
    }
}
