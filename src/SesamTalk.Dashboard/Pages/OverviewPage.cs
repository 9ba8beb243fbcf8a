using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Dashboard;

/// <summary>Every flow with its state, counts and last cycle (from the link store's history); every system with its health and quota.</summary>
internal static class OverviewPage
{
    public static async Task<IResult> ShowAsync(DashboardRequest request)
    {
        var html = new HtmlWriter();
        html.Add($"<table id=\"flows\"><thead><tr><th rowspan=\"2\">Flow</th><th rowspan=\"2\">State</th><th colspan=\"2\">Now</th>")
            .Add($"<th colspan=\"8\">Last cycle</th><th rowspan=\"2\"></th></tr>")
            .Add($"<tr><th>Links</th><th>Quarantined</th><th>Ended</th><th>Read</th><th>Created</th><th>Updated</th><th>Deleted</th><th>Conflicts</th><th>Quarantined</th><th>API calls</th></tr></thead><tbody>");
        foreach (var host in request.Hosts)
        {
            var holds = (await host.Links.ListHeldFlowsAsync(request.Aborted).ConfigureAwait(false)).ToDictionary(hold => hold.Flow);
            foreach (var flow in host.Flows)
            {
                var last = await host.History.GetCycleHistoryAsync(flow.Flow, 1, request.Aborted).ConfigureAwait(false) is [var latest, ..] ? latest : null;
                var state = await FlowState.ReadAsync(host, flow, holds.GetValueOrDefault(flow.Flow), last?.Report, request.Aborted).ConfigureAwait(false);
                var links = await host.Links.CountLinksAsync(flow.Flow, request.Aborted).ConfigureAwait(false);
                var quarantined = await host.Links.CountQuarantinedAsync(flow.Flow, request.Aborted).ConfigureAwait(false);
                html.Add($"<tr data-flow=\"{request.Name(flow)}\"><td><a href=\"{request.Url("/flow", flow.Query)}\">{request.Name(flow)}</a></td><td class=\"state\" data-state=\"{state.Kind}\">{state.Dot} {state.Text}</td>")
                    .Add($"<td class=\"num\"><a href=\"{request.Url("/links", flow.Query)}\">{links}</a></td>")
                    .Add($"<td class=\"num\"><a href=\"{request.Url("/quarantine", flow.Query)}\">{quarantined}</a></td>");
                if (last is { Report: var report, EndedAt: var at })
                {
                    html.Add($"<td class=\"time\">{at.ToString("u", CultureInfo.InvariantCulture)}</td><td class=\"num\">{report.Read}</td><td class=\"num\">{report.Created}</td><td class=\"num\">{report.Updated}</td>")
                        .Add($"<td class=\"num\">{report.Deleted}</td><td class=\"num\">{report.Conflicts}</td><td class=\"num\">{report.Quarantined}</td><td class=\"num\">{report.ApiCalls}</td>");
                }
                else
                {
                    html.Add($"<td class=\"muted\" colspan=\"8\">no cycle recorded</td>");
                }

                html.Add($"<td class=\"actions\">{request.FormStart("/flows/run", "inline")}{DashboardRequest.FlowField(flow)}<button>Run now</button></form> ")
                    .Add($"{request.FormStart("/flows/plan", "inline")}{DashboardRequest.FlowField(flow)}<button>Plan</button></form></td></tr>");
            }
        }

        html.Add($"</tbody></table><h2>Systems</h2><table id=\"systems\"><thead><tr><th>System</th><th>Last flow</th><th>API calls</th><th>Quota left</th></tr></thead><tbody>");
        foreach (var host in request.Hosts)
        {
            foreach (var connector in host.Connectors)
            {
                var name = request.ShowsHostNames ? host.Name + ": " + connector.System : connector.System;
                var status = host.Health?.Get(connector.System) switch
                {
                    null => "no flow has run yet",
                    { NeedsReauthorization: true } s => "needs re-authorisation: " + s.Error,
                    { Succeeded: true } s => "ran to the end at " + s.At.ToString("u", CultureInfo.InvariantCulture),
                    var s => "stopped at " + s.At.ToString("u", CultureInfo.InvariantCulture) + ": " + s.Error,
                };
                var quota = connector.Usage is { } usage
                    ? string.Create(CultureInfo.InvariantCulture, $"{usage.Remaining} of {usage.Limit}")
                    : "not reported";
                html.Add($"<tr><td>{name}</td><td>{status}</td><td class=\"num\">{connector.ApiCalls}</td><td>{quota}</td></tr>");
            }
        }

        html.Add($"</tbody></table>");
        return Layout.Page(request, "Overview", "/", html.ToRaw());
    }
}
