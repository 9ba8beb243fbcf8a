using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Dashboard;

/// <summary>Run a cycle of one flow now, or show its dry-run plan.</summary>
internal static class FlowActions
{
    public static async Task<IResult> RunAsync(DashboardRequest request, IFormCollection form)
    {
        if (FlowRef.Read(form["flow"]) is not { } flow || request.Resolve(flow) is not { } resolved)
        {
            return Results.BadRequest("No such flow.");
        }

        return Layout.Done(request, "/", "", await RunCycleAsync(request, flow, resolved.Host, resolved.Entity).ConfigureAwait(false));
    }

    /// <summary>Runs one cycle of <paramref name="flow"/> and says what it did.</summary>
    public static async Task<string> RunCycleAsync(DashboardRequest request, FlowRef flow, DashboardHost host, ISyncEntityDefinition entity)
    {
        var report = await FlowOperations.RunAsync(host, entity, flow.Flow.Target, request.Aborted).ConfigureAwait(false);
        return report.Flows is [var cycle, ..]
            ? string.Create(CultureInfo.InvariantCulture, $"{request.Name(flow)}: read {cycle.Read}, created {cycle.Created}, updated {cycle.Updated}, deleted {cycle.Deleted}, {cycle.Quarantined} quarantined")
                + (cycle.StopReason is { } reason ? "; stopped: " + reason : ".")
            : $"{request.Name(flow)} has no cycle of its own (its records sync inside their parent's).";
    }

    public static async Task<IResult> PlanAsync(DashboardRequest request, IFormCollection form)
    {
        if (FlowRef.Read(form["flow"]) is not { } flow || request.Resolve(flow) is not { } resolved)
        {
            return Results.BadRequest("No such flow.");
        }

        var plan = await FlowOperations.PlanAsync(resolved.Host, resolved.Entity, flow.Flow.Target, request.Aborted).ConfigureAwait(false);
        var html = new HtmlWriter().Add($"<p>What a cycle of {request.Name(flow)} would write now. Nothing was written.</p>");
        if (plan is null)
        {
            html.Add($"<p class=\"muted\">The flow has no cycle of its own (its records sync inside their parent's).</p>");
        }
        else
        {
            if (plan.StopReason is { } reason)
            {
                html.Add($"<p class=\"message error\">The cycle would stop: {reason}</p>");
            }

            html.Add($"<table id=\"plan\"><thead><tr><th>Change</th><th>Side written</th><th>Host id</th><th>Remote id</th><th>Fields</th><th>Conflict winner</th></tr></thead><tbody>");
            foreach (var change in plan.Changes)
            {
                html.Add($"<tr class=\"{change.Kind}\"><td>{change.Kind}</td><td>{change.Side}</td><td>{change.LocalId}</td><td>{change.RemoteId}</td>")
                    .Add($"<td>{string.Join(", ", change.Fields)}</td><td>{change.Winner}</td></tr>");
            }

            html.Add($"</tbody></table><p>{plan.Changes.Count} change(s).</p>");
        }

        return Layout.Page(request, "Plan: " + request.Name(flow), "", html.ToRaw());
    }
}
