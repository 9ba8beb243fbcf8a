using System.Globalization;
using Microsoft.AspNetCore.Http;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Dashboard;

/// <summary>
/// The records each flow set aside with an error; release them (the next cycle reads each again), retry them now
/// (release, then run the flow's cycle at once) or drop them (forgotten until they change at their source), singly or
/// in bulk.
/// </summary>
internal static class QuarantinePage
{
    public static async Task<IResult> ShowAsync(DashboardRequest request)
    {
        var html = new HtmlWriter().Add($"{FlowFilter.Form(request, "/quarantine")}");
        var any = false;
        foreach (var flow in FlowFilter.Selected(request))
        {
            if (request.Host(flow.Host) is not { } host)
            {
                continue;
            }

            var held = (await host.Links.ListQuarantinedAsync(flow.Flow, request.Aborted).ConfigureAwait(false)).Where(entry => !entry.IsReleased).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            any = true;
            var pageSize = request.Site.Options.PageSize;
            var retry = request.Url("/quarantine/retry");
            html.Add($"<fieldset class=\"quarantine\" data-flow=\"{request.Name(flow)}\"><legend>{request.Name(flow)}: {held.Count} held</legend>")
                .Add($"{request.FormStart("/quarantine/release")}{DashboardRequest.FlowField(flow)}")
                .Add($"<table><thead><tr><th></th><th>Side</th><th>Record</th><th>Error</th><th>Since</th><th>Attempts</th><th></th></tr></thead><tbody>");
            foreach (var entry in held.Take(pageSize))
            {
                var record = entry.Side + ":" + entry.RecordId;
                html.Add($"<tr data-record=\"{entry.RecordId}\"><td><input type=\"checkbox\" name=\"record\" value=\"{record}\" aria-label=\"select {entry.RecordId}\"></td>")
                    .Add($"<td>{entry.Side}</td><td>{entry.RecordId}</td><td>{entry.Error}</td><td>{entry.At.ToString("u", CultureInfo.InvariantCulture)}</td>")
                    .Add($"<td class=\"num\">{entry.Attempts}</td><td class=\"actions\"><button name=\"only\" value=\"{record}\">Release</button> ")
                    .Add($"<button name=\"only\" value=\"{record}\" formaction=\"{retry}\">Retry now</button> ")
                    .Add($"<button name=\"only\" value=\"{record}\" formaction=\"{request.Url("/quarantine/drop")}\">Drop</button></td></tr>");
            }

            html.Add($"</tbody></table>");
            if (held.Count > pageSize)
            {
                html.Add($"<p class=\"muted\">{held.Count - pageSize} more not shown; releasing or dropping all takes them too.</p>");
            }

            var drop = request.Url("/quarantine/drop");
            html.Add($"<button name=\"selection\" value=\"checked\">Release selected</button> <button name=\"selection\" value=\"all\">Release all {held.Count}</button> ")
                .Add($"<button name=\"selection\" value=\"checked\" formaction=\"{retry}\">Retry selected now</button> <button name=\"selection\" value=\"all\" formaction=\"{retry}\">Retry all {held.Count} now</button> ")
                .Add($"<button name=\"selection\" value=\"checked\" formaction=\"{drop}\">Drop selected</button> <button name=\"selection\" value=\"all\" formaction=\"{drop}\">Drop all {held.Count}</button></form></fieldset>");
        }

        if (!any)
        {
            html.Add($"<p class=\"muted\">Nothing is quarantined.</p>");
        }

        return Layout.Page(request, "Quarantine", "/quarantine", html.ToRaw());
    }

    /// <summary>Releases the one record (<c>only</c>), the checked ones (<c>record</c>), or all the flow's held records.</summary>
    public static Task<IResult> ReleaseAsync(DashboardRequest request, IFormCollection form) =>
        ApplyAsync(request, form, Release, "Released {0} record(s) of {1}: the next cycle reads them again.");

    /// <summary>Releases the records the form names, then runs the flow's cycle at once, which reads them again.</summary>
    public static async Task<IResult> RetryNowAsync(DashboardRequest request, IFormCollection form)
    {
        if (FlowRef.Read(form["flow"]) is not { } flow || request.Resolve(flow) is not { } resolved)
        {
            return Results.BadRequest("No such flow.");
        }

        var released = await ChangeAsync(request, form, resolved.Host, flow, Release).ConfigureAwait(false);
        var cycle = await FlowActions.RunCycleAsync(request, flow, resolved.Host, resolved.Entity).ConfigureAwait(false);
        return Layout.Done(request, "/quarantine", flow.Query, string.Create(CultureInfo.InvariantCulture, $"Released {released} record(s) and ran the cycle. {cycle}"));
    }

    /// <summary>Drops the one record, the checked ones, or all the flow's held records from quarantine, without retrying them.</summary>
    public static Task<IResult> DropAsync(DashboardRequest request, IFormCollection form) =>
        ApplyAsync(request, form, (host, flow, side, id, ct) => host.Operations.DropQuarantinedAsync(flow, side, id, ct), "Dropped {0} record(s) of {1}: each is read again only when it changes at its source.");

    /// <summary>Applies <paramref name="change"/> to the records the form names and says how many it changed (<paramref name="done"/>).</summary>
    private static async Task<IResult> ApplyAsync(
        DashboardRequest request,
        IFormCollection form,
        Func<DashboardHost, SyncFlowId, SyncSide, string, CancellationToken, Task<bool>> change,
        string done)
    {
        if (FlowRef.Read(form["flow"]) is not { } flow || request.Host(flow.Host) is not { } host)
        {
            return Results.BadRequest("No such flow.");
        }

        var changed = await ChangeAsync(request, form, host, flow, change).ConfigureAwait(false);
        return Layout.Done(request, "/quarantine", flow.Query, string.Format(CultureInfo.InvariantCulture, done, changed, request.Name(flow)));
    }

    /// <summary>Releases one record: the next cycle reads it again.</summary>
    private static Task<bool> Release(DashboardHost host, SyncFlowId flow, SyncSide side, string id, CancellationToken cancellationToken) =>
        host.Links.ReleaseQuarantinedAsync(flow, side, id, cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the records the form names: one (<c>only</c>), the checked ones, or all; how many it changed.</summary>
    private static async Task<int> ChangeAsync(
        DashboardRequest request,
        IFormCollection form,
        DashboardHost host,
        FlowRef flow,
        Func<DashboardHost, SyncFlowId, SyncSide, string, CancellationToken, Task<bool>> change)
    {
        IEnumerable<string> records = form["only"].ToString() is { Length: > 0 } only
            ? [only]
            : form["selection"] == "all"
                ? (await host.Links.ListQuarantinedAsync(flow.Flow, request.Aborted).ConfigureAwait(false)).Where(entry => !entry.IsReleased).Select(entry => entry.Side + ":" + entry.RecordId)
                : form["record"].Where(value => value is not null).Select(value => value!);
        var changed = 0;
        foreach (var record in records)
        {
            var separator = record.IndexOf(':', StringComparison.Ordinal);
            if (separator > 0 && Enum.TryParse<SyncSide>(record[..separator], out var side)
                && await change(host, flow.Flow, side, record[(separator + 1)..], request.Aborted).ConfigureAwait(false))
            {
                changed++;
            }
        }

        return changed;
    }
}
