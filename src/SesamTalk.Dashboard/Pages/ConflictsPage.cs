using System.Globalization;
using Microsoft.AspNetCore.Http;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Dashboard;

/// <summary>
/// The conflicts the flows resolved by rule: field, both values, the rule, the winner and when; newest first, of one flow
/// or all, in a time window (UTC) when one is given. Each flow's newest are read backwards along its index by time.
/// </summary>
internal static class ConflictsPage
{
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    public static async Task<IResult> ShowAsync(DashboardRequest request)
    {
        var query = request.Context.Request.Query;
        var fromText = query["from"].ToString().Trim();
        var untilText = query["until"].ToString().Trim();
        var window = new HtmlWriter()
            .Add($"<label>From <input type=\"datetime-local\" name=\"from\" value=\"{fromText}\"></label> ")
            .Add($"<label>until <input type=\"datetime-local\" name=\"until\" value=\"{untilText}\"></label> <span class=\"muted\">(UTC)</span>");
        var html = new HtmlWriter().Add($"{FlowFilter.Form(request, "/conflicts", window.ToRaw())}");
        if (!TryReadTime(fromText, out var from) || !TryReadTime(untilText, out var until))
        {
            html.Add($"<p class=\"message error\">'{(TryReadTime(fromText, out _) ? untilText : fromText)}' is not a time: give it as yyyy-MM-ddTHH:mm (UTC).</p>");
            return Layout.Page(request, "Conflicts", "/conflicts", html.ToRaw());
        }

        var pageSize = request.Site.Options.PageSize;
        var conflicts = new List<(FlowRef Flow, ConflictRecord Conflict)>();
        foreach (var flow in FlowFilter.Selected(request))
        {
            if (request.Host(flow.Host) is { } host)
            {
                var newest = await host.Operations.ListConflictsAsync(flow.Flow, from, until, pageSize, request.Aborted).ConfigureAwait(false);
                conflicts.AddRange(newest.Select(conflict => (flow, conflict)));
            }
        }

        html.Add($"<table id=\"conflicts\"><thead><tr><th>Flow</th><th>Host id</th><th>Remote id</th><th>Field</th><th>Host value</th><th>Remote value</th><th>Rule</th><th>Winner</th><th>When</th></tr></thead><tbody>");
        var shown = conflicts.OrderByDescending(row => row.Conflict.At).Take(pageSize).ToList();
        foreach (var (flow, conflict) in shown)
        {
            html.Add($"<tr><td>{request.Name(flow)}</td><td>{conflict.LocalId}</td><td>{conflict.RemoteId}</td><td>{conflict.Field}</td>")
                .Add($"<td>{conflict.LocalValue}</td><td>{conflict.RemoteValue}</td><td>{conflict.Rule}</td><td>{conflict.Winner}</td><td>{conflict.At.ToString("u", CultureInfo.InvariantCulture)}</td></tr>");
        }

        var inWindow = from is null && until is null ? "" : " in that window";
        html.Add($"</tbody></table>");
        if (shown.Count == 0)
        {
            html.Add($"<p class=\"muted\">No conflicts recorded{inWindow}.</p>");
        }
        else
        {
            html.Add($"<p class=\"muted\">The newest {shown.Count} conflicts{inWindow}; narrow the window or pick a flow for older ones.</p>");
        }
        return Layout.Page(request, "Conflicts", "/conflicts", html.ToRaw());
    }

    /// <summary>Reads a time (UTC) from a form field; an empty field is no bound.</summary>
    private static bool TryReadTime(string text, out DateTimeOffset? time)
    {
        time = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
