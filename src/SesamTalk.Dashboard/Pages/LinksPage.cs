using System.Globalization;
using Microsoft.AspNetCore.Http;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Dashboard;

/// <summary>
/// Links found by a host id, a remote id (one indexed lookup per flow and side) or the match-key value they were made on,
/// or one flow's links by host id; both a page at a time after the last host id shown (keyset paging, so page 1,000 is
/// as fast as page 1). Unlink one, or link two records by hand.
/// </summary>
internal static class LinksPage
{
    public static async Task<IResult> ShowAsync(DashboardRequest request)
    {
        var query = request.Context.Request.Query;
        var id = query["id"].ToString().Trim();
        var after = query["after"].ToString() is { Length: > 0 } shownLast ? shownLast : null;
        var pageNumber = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 1 ? number : 1;
        var selected = FlowRef.Read(query["flow"]);
        var pageSize = request.Site.Options.PageSize;
        var html = new HtmlWriter().Add($"{FlowFilter.Form(request, "/links", new HtmlWriter().Add($"<label>Host id, remote id or match-key value <input name=\"id\" value=\"{id}\"></label>").ToRaw())}");
        var rows = new List<(FlowRef Flow, SyncLink Link)>();
        var nextPages = new List<(FlowRef Flow, string After)>();
        if (id.Length > 0)
        {
            foreach (var flow in FlowFilter.Selected(request))
            {
                if (request.Host(flow.Host) is not { } host)
                {
                    continue;
                }

                // The ids' lookups on the first page; the match-key value's links a page at a time.
                var found = after is null ? await FindByIdAsync(host, flow, id, request.Aborted).ConfigureAwait(false) : [];
                var matched = await host.Operations.FindByMatchValueAsync(flow.Flow, id, after, pageSize + 1, request.Aborted).ConfigureAwait(false);
                rows.AddRange(found.Select(link => (flow, link)));
                rows.AddRange(matched.Take(pageSize).Where(stored => !found.Any(link => link.LocalId == stored.Link.LocalId)).Select(stored => (flow, stored.Link)));
                if (matched.Count > pageSize)
                {
                    nextPages.Add((flow, matched[pageSize - 1].Link.LocalId));
                }
            }
        }
        else if (selected is { } flow && request.Host(flow.Host) is { } host)
        {
            var page = await host.Operations.ReadLinksPageAsync(flow.Flow, after, pageSize + 1, request.Aborted).ConfigureAwait(false);
            rows.AddRange(page.Take(pageSize).Select(stored => (flow, stored.Link)));
            if (page.Count > pageSize)
            {
                nextPages.Add((flow, page[pageSize - 1].Link.LocalId));
            }

            // No count here: counting a big flow's links reads its whole index (the overview shows it).
            html.Add($"<p class=\"muted\">Page {pageNumber} of the links of {request.Name(flow)} by host id. Search by id or match-key value for any other.</p>");
        }

        if (rows.Count > 0)
        {
            html.Add($"<table id=\"links\"><thead><tr><th>Flow</th><th>Host id</th><th>Remote id</th><th>Provenance</th><th>Linked at</th><th></th></tr></thead><tbody>");
            foreach (var (flow, link) in rows)
            {
                html.Add($"<tr data-local-id=\"{link.LocalId}\"><td>{request.Name(flow)}</td><td>{link.LocalId}</td><td>{link.RemoteId}</td><td class=\"provenance\">{Provenance(link)}</td>")
                    .Add($"<td>{link.LinkedAt.ToString("u", CultureInfo.InvariantCulture)}</td>")
                    .Add($"<td>{request.FormStart("/links/unlink", "inline")}{DashboardRequest.FlowField(flow)}<input type=\"hidden\" name=\"localId\" value=\"{link.LocalId}\"><button>Unlink</button></form></td></tr>");
            }

            html.Add($"</tbody></table>");
        }
        else if (id.Length > 0)
        {
            html.Add($"<p class=\"muted\">No link has the id or match-key value {id}.</p>");
        }

        foreach (var (flow, last) in nextPages)
        {
            var next = flow.Query + (id.Length > 0 ? "&id=" + Uri.EscapeDataString(id) : "") + "&after=" + Uri.EscapeDataString(last)
                + "&page=" + (pageNumber + 1).ToString(CultureInfo.InvariantCulture);
            html.Add($"<p class=\"pager\"><a rel=\"next\" href=\"{request.Url("/links", next)}\">Page {pageNumber + 1} of {request.Name(flow)} →</a></p>");
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
    private static async Task<IReadOnlyList<SyncLink>> FindByIdAsync(DashboardHost host, FlowRef flow, string id, CancellationToken cancellationToken)
    {
        var found = new List<SyncLink>(2);
        if (await host.Links.FindByLocalIdAsync(flow.Flow, id, cancellationToken).ConfigureAwait(false) is { } byLocal)
        {
            found.Add(byLocal.Link);
        }

        if (await host.Links.FindByRemoteIdAsync(flow.Flow, id, cancellationToken).ConfigureAwait(false) is { } byRemote
            && !found.Any(link => link.LocalId == byRemote.Link.LocalId))
        {
            found.Add(byRemote.Link);
        }

        return found;
    }

    /// <summary>How the link came about, as a person reads it.</summary>
    private static string Provenance(SyncLink link) => link.Provenance switch
    {
        SyncLinkProvenance.MatchedOnKey => "matched on " + link.MatchKey + (link.MatchValue is { } value ? " = " + value : ""),
        SyncLinkProvenance.CreatedBySync => "created by sync",
        SyncLinkProvenance.LinkedByHand => "linked by hand",
        SyncLinkProvenance.MatchedByReference => "matched by reference",
        _ => link.Provenance.ToString(),
    };
}
