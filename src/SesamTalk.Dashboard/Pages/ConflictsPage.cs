using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Dashboard;

/// <summary>The conflicts each flow resolved by rule: field, both values, the rule, the winner and when; newest first.</summary>
internal static class ConflictsPage
{
    public static async Task<IResult> ShowAsync(DashboardRequest request)
    {
        var html = new HtmlWriter().Add($"{FlowFilter.Form(request, "/conflicts")}");
        html.Add($"<table id=\"conflicts\"><thead><tr><th>Flow</th><th>Host id</th><th>Remote id</th><th>Field</th><th>Host value</th><th>Remote value</th><th>Rule</th><th>Winner</th><th>When</th></tr></thead><tbody>");
        var pageSize = request.Site.Options.PageSize;
        var any = false;
        foreach (var flow in FlowFilter.Selected(request))
        {
            if (request.Host(flow.Host) is not { } host)
            {
                continue;
            }

            var conflicts = await host.Links.GetConflictsAsync(flow.Flow, localId: null, request.Aborted).ConfigureAwait(false);
            for (var i = conflicts.Count - 1; i >= Math.Max(0, conflicts.Count - pageSize); i--)
            {
                var conflict = conflicts[i];
                any = true;
                html.Add($"<tr><td>{request.Name(flow)}</td><td>{conflict.LocalId}</td><td>{conflict.RemoteId}</td><td>{conflict.Field}</td>")
                    .Add($"<td>{conflict.LocalValue}</td><td>{conflict.RemoteValue}</td><td>{conflict.Rule}</td><td>{conflict.Winner}</td><td>{conflict.At.ToString("u", CultureInfo.InvariantCulture)}</td></tr>");
            }

            if (conflicts.Count > pageSize)
            {
                html.Add($"<tr><td colspan=\"9\" class=\"muted\">{request.Name(flow)}: {conflicts.Count - pageSize} older conflicts not shown.</td></tr>");
            }
        }

        html.Add($"</tbody></table>");
        if (!any)
        {
            html.Add($"<p class=\"muted\">No conflicts recorded.</p>");
        }

        return Layout.Page(request, "Conflicts", "/conflicts", html.ToRaw());
    }
}
