using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Held flows. A cycle the mass-change breaker stops holds its flow in the link store, with the counts and the limit.
/// Every later cycle of a held flow first runs its phases as a dry run, under its lease: while the change still passes
/// the limit, the hold stays (with the new counts) and the cycle stops having written nothing; once it no longer does,
/// the source was fixed, and the cycle runs, its end releasing the hold. A hold a person approved lets one cycle pass
/// the breaker (no dry run), and so does <see cref="SyncFlowOptions.AllowMassChange"/>; either way the cycle that ran to
/// the end releases the hold, which the link store keeps as history with its approval.
/// </summary>
internal sealed partial class FlowCycle<TEntity>
{
    private HeldFlow? _hold;

    /// <summary>
    /// Reads the flow's hold; for one nobody approved, runs the dry run, which throws <see cref="SyncMassChangeException"/>
    /// (and writes nothing) while the change still passes the limit.
    /// </summary>
    private async Task CheckHoldAsync()
    {
        _hold = await _context.Links.GetHeldFlowAsync(_flow, _cancellationToken).ConfigureAwait(false);
        if (_hold is null || _hold.IsApproved || _options.AllowMassChange)
        {
            return;
        }

        EngineLog.CheckingHold(_context.Logger, Name, _hold.Since);
        var dryRun = new FlowCycle<TEntity>(_context, _definition, _mapper, _connector, _host, _hostSoftDelete, progress: null, plan: [], _cancellationToken);
        try
        {
            await dryRun.RunPhasesAsync().ConfigureAwait(false);
        }
        catch (SyncMassChangeException)
        {
            Report.Read = dryRun.Report.Read;
            throw;
        }
    }

    /// <summary>The breaker stopped the cycle: holds the flow, or keeps its hold with the new counts.</summary>
    private async Task HoldAsync(SyncMassChangeException tripped)
    {
        var hold = await _context.Links.HoldFlowAsync(_flow, tripped.Changes, tripped.Links, tripped.Limit, tripped.Message, _cancellationToken).ConfigureAwait(false);
        Report.Held = true;
        _context.Metrics.Held(_tags);
        if (_hold is null)
        {
            EngineLog.FlowHeld(_context.Logger, Name, hold.Changes, hold.Links, hold.Limit);
        }
        else
        {
            EngineLog.FlowStillHeld(_context.Logger, Name, hold.Since, hold.Changes, hold.Links, hold.Limit);
        }

        _hold = hold;
    }

    /// <summary>The cycle ran to the end: the hold it ran under ends, kept as history with why.</summary>
    private async Task EndHoldAsync()
    {
        if (_hold is not { } hold)
        {
            return;
        }

        var reason = hold.IsApproved ? HoldReleaseReason.Approved
            : _options.AllowMassChange ? HoldReleaseReason.MassChangeAllowed
            : HoldReleaseReason.SourceFixed;
        await _context.Links.ReleaseHeldFlowAsync(_flow, reason, _cancellationToken).ConfigureAwait(false);
        _hold = null;
        switch (reason)
        {
            case HoldReleaseReason.Approved:
                EngineLog.HoldReleasedByApproval(_context.Logger, Name, hold.ApprovedBy, hold.ApprovedAt);
                break;
            case HoldReleaseReason.MassChangeAllowed:
                EngineLog.HoldReleasedByOptions(_context.Logger, Name);
                break;
            default:
                EngineLog.HoldReleasedSourceFixed(_context.Logger, Name);
                break;
        }
    }
}
