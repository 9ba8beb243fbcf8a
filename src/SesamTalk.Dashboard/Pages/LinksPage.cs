using System.Globalization;
using Microsoft.AspNetCore.Http;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Dashboard;

/// <summary>
/// Links found by a host or remote id (one indexed lookup per flow and side), or the first page of one flow's links by
/// host id; unlink one, or link two records by hand.
/// </summary>
internal static class LinksPage
{
    public static async Task<IResult> ShowAsync(DashboardRequest request)
    {
        var id = request.Context.Request.Query["id"].ToString().Trim();
        var selected = FlowRef.Read(request.Context.Request.Query["flow"]);
        var html = new HtmlWriter().Add($"{FlowFilter.Form(request, "/links", new HtmlWriter().Add($"<label>Host or remote id <input name=\"id\" value=\"{id}\"></label>").ToRaw())}");
        var rows = new List<(FlowRef Flow, SyncLink Link)>();
        if (id.Length > 0)
        {
            foreach (var flow in FlowFilter.Selected(request))
            {
                if (request.Host(flow.Host) is { } host)
                {
                    await foreach (var link in FindAsync(host, flow, id, request.Aborted).ConfigureAwait(false))
                    {
                        rows.Add((flow, link));
                    }
                }
            }
        }
        else if (selected is { } flow && request.Host(flow.Host) is { } host)
        {
            await foreach (var stored in host.Links.ReadLinksAsync(flow.Flow, request.Aborted).ConfigureAwait(false))
            {
                rows.Add((flow, stored.Link));
                if (rows.Count == request.Site.Options.PageSize)
                {
                    break;
                }
            }

            // No count here: counting a big flow's links reads its whole index (the overview shows it).
            html.Add($"<p class=\"muted\">The first {rows.Count} links of {request.Name(flow)} by host id. Search by id for any other.</p>");
        }

        if (rows.Count > 0)
        {
            html.Add($"<table id=\"links\"><thead><tr><th>Flow</th><th>Host id</th><th>Remote id</th><th>Provenance</th><th>Match key</th><th>Linked at</th><th></th></tr></thead><tbody>");
            foreach (var (flow, link) in rows)
            {
                html.Add($"<tr data-local-id=\"{link.LocalId}\"><td>{request.Name(flow)}</td><td>{link.LocalId}</td><td>{link.RemoteId}</td><td>{link.Provenance}</td><td>{link.MatchKey}</td>")
                    .Add($"<td>{link.LinkedAt.ToString("u", CultureInfo.InvariantCulture)}</td>")
                    .Add($"<td>{request.FormStart("/links/unlink", "inline")}{DashboardRequest.FlowField(flow)}<input type=\"hidden\" name=\"localId\" value=\"{link.LocalId}\"><button>Unlink</button></form></td></tr>");
            }

            html.Add($"</tbody></table>");
        }
        else if (id.Length > 0)
        {
            html.Add($"<p class=\"muted\">No link has the id {id}.</p>");
        }

        html.Add($"<h2>Link by hand</h2>{request.FormStart("/links/link")}<label>Flow <select name=\"flow\">");
        foreach (var flow in request.Flows)
        {
            html.Add($"<option value=\"{flow.Key}\"{(flow == selected ? new RawHtml(" selected") : default)}>{request.Name(flow)}</option>");
        }

        html.Add($"</select></label> <label>Host id <input name=\"localId\" required></label> <label>Remote id <input name=\"remoteId\" required></label> ")
            .Add($"<button>Link</button></form><p class=\"muted\">Either record's earlier link in the flow is removed; the next cycle brings the two in line.</p>");
        return Layout.Page(request, "Links", "/links", html.ToRaw());
    }

    public static async Task<IResult> UnlinkAsync(DashboardRequest request, IFormCollection form)
    {
        var localId = form["localId"].ToString();
        if (FlowRef.Read(form["flow"]) is not { } flow || request.Host(flow.Host) is not { } host || localId.Length == 0)
        {
            return Results.BadRequest("No such flow or host id.");
        }

        var removed = await host.Links.UnlinkAsync(flow.Flow, localId, request.Aborted).ConfigureAwait(false);
        return Layout.Done(request, "/links", flow.Query, removed ? $"Unlinked {localId} in {request.Name(flow)}." : $"{localId} had no link in {request.Name(flow)}.");
    }

    public static async Task<IResult> LinkAsync(DashboardRequest request, IFormCollection form)
    {
        var localId = form["localId"].ToString().Trim();
        var remoteId = form["remoteId"].ToString().Trim();
        if (FlowRef.Read(form["flow"]) is not { } flow || request.Resolve(flow) is not { Host: var host } || localId.Length == 0 || remoteId.Length == 0)
        {
            return Results.BadRequest("A flow, a host id and a remote id are needed.");
        }

        await host.Links.RelinkByHandAsync(flow.Flow, localId, remoteId, request.Aborted).ConfigureAwait(false);
        return Layout.Done(request, "/links", flow.Query + "&id=" + Uri.EscapeDataString(localId), $"Linked {localId} to {remoteId} in {request.Name(flow)}.");
    }

    /// <summary>The flow's links whose host id or remote id is <paramref name="id"/>: two indexed lookups.</summary>
    private static async IAsyncEnumerable<SyncLink> FindAsync(DashboardHost host, FlowRef flow, string id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var byLocal = await host.Links.FindByLocalIdAsync(flow.Flow, id, cancellationToken).ConfigureAwait(false);
        if (byLocal is not null)
        {
            yield return byLocal.Link;
        }

        if (await host.Links.FindByRemoteIdAsync(flow.Flow, id, cancellationToken).ConfigureAwait(false) is { } byRemote
            && byRemote.Link.LocalId != byLocal?.Link.LocalId)
        {
            yield return byRemote.Link;
        }
    }
}
