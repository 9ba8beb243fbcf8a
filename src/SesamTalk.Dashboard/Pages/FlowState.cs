using System.Globalization;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Dashboard;

/// <summary>How a flow stands, as the overview shows it.</summary>
/// <param name="Kind">ok, running, held, failing, stopped, disabled or idle (the style of its dot).</param>
/// <param name="Text">What a person reads.</param>
internal sealed record FlowState(string Kind, string Text)
{
    /// <summary>
    /// Disabled in the options; held by the breaker; running (another process or cycle holds its lease); else how its
    /// last recorded cycle ended, else how its system's last flow ended.
    /// </summary>
    public static async Task<FlowState> ReadAsync(DashboardHost host, FlowRef flow, HeldFlow? hold, SyncFlowReport? lastRun, CancellationToken cancellationToken)
    {
        if (!host.EngineOptions.ForFlow(flow.Flow.Entity, flow.Flow.Target).Enabled)
        {
            return new("disabled", "disabled in the engine's options");
        }

        if (hold is not null)
        {
            return new("held", hold.IsApproved
                ? string.Create(CultureInfo.InvariantCulture, $"held, approved by {hold.ApprovedBy}: the next cycle passes the breaker once")
                : string.Create(CultureInfo.InvariantCulture, $"held by the mass-change breaker since {hold.Since:u}: {hold.Changes} of {hold.Links} linked records would change (limit {hold.Limit})"));
        }

        if (await host.Links.GetLeaseOwnerAsync(flow.Flow, cancellationToken).ConfigureAwait(false) is { } owner)
        {
            return new("running", "running (" + owner + ")");
        }

        if (lastRun is not null)
        {
            return lastRun switch
            {
                { Failed: true } => new("failing", "failing: " + lastRun.StopReason),
                { Stopped: true } => new("stopped", "stopped: " + lastRun.StopReason),
                _ => new("ok", "ran to the end"),
            };
        }

        return host.Health?.Get(flow.Flow.Target.System) switch
        {
            { Succeeded: false } status => new("failing", flow.Flow.Target.System + "'s last flow stopped: " + status.Error),
            { Succeeded: true } => new("ok", flow.Flow.Target.System + "'s last flow ran to the end"),
            null => new("idle", "no cycle seen by this process yet"),
        };
    }

    /// <summary>A coloured dot for the state, as inline SVG.</summary>
    public RawHtml Dot
    {
        get
        {
            var colour = Kind switch
            {
                "ok" => "#2e9d57",
                "running" => "#2f74c0",
                "held" => "#d08a00",
                "failing" => "#c8372d",
                "stopped" => "#d08a00",
                _ => "#9aa5b1",
            };
            return new HtmlWriter().Add($"<svg width=\"10\" height=\"10\" aria-hidden=\"true\"><circle cx=\"5\" cy=\"5\" r=\"5\" fill=\"{colour}\"/></svg>").ToRaw();
        }
    }
}
