using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// Work sharing between instances whose background syncs share a link store. Right before it runs a due flow, an
/// instance looks at when the flow's lease was last taken: when that was less than the interval ago, another instance ran
/// the flow (or runs it now), so this one leaves it and counts it due one interval after that. Each instance thus goes
/// through its due flows taking only those nobody ran lately: an instance stuck in a long flow does not run the others
/// again after the free instances ran them, and each flow runs about once an interval however many instances there are.
/// A flow due because of a change notification, and not read by id (<see cref="DueFlowsEngine"/>), is left to another
/// instance only when that one took it after the notification came: its cycle read the change. (That cycle may be this
/// instance's own, begun just before the notification was taken; it read the change all the same.)
/// </summary>
/// <remarks>
/// The instance's own last run of a flow is never within the interval when the flow is due again (it is due an interval
/// after that run ended). Lease times are each instance's clock: keep the clocks in step to well within the interval.
/// </remarks>
internal sealed class SharedFlowRuns(ILinkStore links, Func<SyncFlowId, TimeSpan> interval, TimeProvider time)
{
    private readonly Dictionary<SyncFlowId, DateTimeOffset> _elsewhere = [];

    /// <summary>The due flows left to other instances this round, with when their lease was taken.</summary>
    public IReadOnlyDictionary<SyncFlowId, DateTimeOffset> RanElsewhere => _elsewhere;

    /// <summary>
    /// Whether another instance took the lease of <paramref name="flow"/> less than its interval ago, or, for a flow
    /// notified (or stopped at its system's limit) at <paramref name="notifiedAt"/>, since then; such a flow is noted in
    /// <see cref="RanElsewhere"/>.
    /// </summary>
    public async Task<bool> RanElsewhereAsync(SyncFlowId flow, DateTimeOffset? notifiedAt, CancellationToken cancellationToken)
    {
        if (await links.GetLeaseTakenAtAsync(flow, cancellationToken).ConfigureAwait(false) is { } takenAt
            && (notifiedAt is { } since ? takenAt >= since : time.GetUtcNow() - takenAt < interval(flow)))
        {
            _elsewhere[flow] = takenAt;
            return true;
        }

        return false;
    }
}
