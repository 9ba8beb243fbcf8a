using System.Globalization;
using Microsoft.AspNetCore.Http;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Dashboard;

/// <summary>One flow's history: records written, conflicts and API calls over its recorded cycles as charts, and the cycles listed, newest first.</summary>
internal static class FlowPage
{
    /// <summary>How many of the flow's latest cycles the charts show.</summary>
    private const int ChartedCycles = 200;

    public static async Task<IResult> ShowAsync(DashboardRequest request)
    {
        if (FlowRef.Read(request.Context.Request.Query["flow"]) is not { } flow || request.Resolve(flow) is not { Host: var host })
        {
            return Results.NotFound("No such flow.");
        }

        var cycles = await host.History.GetCycleHistoryAsync(flow.Flow, ChartedCycles, request.Aborted).ConfigureAwait(false);
        var oldestFirst = cycles.Reverse().ToList();
        IReadOnlyList<(DateTimeOffset, int)> Series(Func<SyncFlowReport, int> figure) => oldestFirst.Select(cycle => (cycle.EndedAt, figure(cycle.Report))).ToList();

        var html = new HtmlWriter()
            .Add($"<p>{request.FormStart("/flows/run", "inline")}{DashboardRequest.FlowField(flow)}<button>Run now</button></form> ")
            .Add($"{request.FormStart("/flows/plan", "inline")}{DashboardRequest.FlowField(flow)}<button>Plan</button></form> ")
            .Add($"<a href=\"{request.Url("/links", flow.Query)}\">Links</a> · <a href=\"{request.Url("/quarantine", flow.Query)}\">Quarantine</a> · ")
            .Add($"<a href=\"{request.Url("/conflicts", flow.Query)}\">Conflicts</a></p>")
            .Add($"<div class=\"charts\">{CycleChart.Draw("chart-written", "Records written (created, updated, deleted)", "#2f74c0", Series(r => r.Created + r.Updated + r.Deleted))}")
            .Add($"{CycleChart.Draw("chart-conflicts", "Conflicts", "#d08a00", Series(r => r.Conflicts))}")
            .Add($"{CycleChart.Draw("chart-api-calls", "API calls", "#2e9d57", Series(r => r.ApiCalls))}</div>");
        if (cycles.Count == 0)
        {
            html.Add($"<p class=\"muted\">No cycle of this flow is recorded yet (the engine records each cycle when it ends, unless SesamTalk:Engine:HistoryRetention is 0).</p>");
            return Layout.Page(request, "Flow: " + request.Name(flow), "", html.ToRaw());
        }

        html.Add($"<table id=\"cycles\"><thead><tr><th>Started</th><th>Took</th><th>Outcome</th><th>Read</th><th>Created</th><th>Updated</th><th>Deleted</th>")
            .Add($"<th>Unchanged</th><th>Conflicts</th><th>Quarantined</th><th>API calls</th><th>Links after</th></tr></thead><tbody>");
        foreach (var cycle in cycles.Take(request.Site.Options.PageSize))
        {
            var report = cycle.Report;
            html.Add($"<tr><td class=\"time\">{cycle.StartedAt.ToString("u", CultureInfo.InvariantCulture)}</td><td class=\"num\">{(cycle.EndedAt - cycle.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s</td>")
                .Add($"<td>{Outcome(report)}</td><td class=\"num\">{report.Read}</td><td class=\"num\">{report.Created}</td><td class=\"num\">{report.Updated}</td><td class=\"num\">{report.Deleted}</td>")
                .Add($"<td class=\"num\">{report.Unchanged}</td><td class=\"num\">{report.Conflicts}</td><td class=\"num\">{report.Quarantined}</td><td class=\"num\">{report.ApiCalls}</td><td class=\"num\">{report.Linked}</td></tr>");
        }

        html.Add($"</tbody></table><p class=\"muted\">The latest {Math.Min(cycles.Count, request.Site.Options.PageSize)} cycles; the charts show the latest {cycles.Count}.</p>");
        return Layout.Page(request, "Flow: " + request.Name(flow), "", html.ToRaw());
    }

    private static string Outcome(SyncFlowReport report) => report switch
    {
        { Held: true } => "held: " + report.StopReason,
        { Failed: true } => "failed: " + report.StopReason,
        { Stopped: true } => "stopped: " + report.StopReason,
        _ => "ran to the end",
    };
}
