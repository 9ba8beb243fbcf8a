using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Dashboard;

/// <summary>The flows the mass-change breaker holds: approve one once, see its plan, or leave it held.</summary>
internal static class HeldFlowsPage
{
    public static async Task<IResult> ShowAsync(DashboardRequest request)
    {
        var html = new HtmlWriter();
        var any = false;
        foreach (var host in request.Hosts)
        {
            foreach (var hold in await host.Links.ListHeldFlowsAsync(request.Aborted).ConfigureAwait(false))
            {
                any = true;
                var flow = new FlowRef(host.Name, hold.Flow);
                html.Add($"<fieldset class=\"held\" data-flow=\"{request.Name(flow)}\"><legend>{request.Name(flow)}</legend>")
                    .Add($"<p>Held since {hold.Since.ToString("u", CultureInfo.InvariantCulture)} (last checked {hold.CheckedAt.ToString("u", CultureInfo.InvariantCulture)}): ")
                    .Add($"a cycle would delete or overwrite {hold.Changes} of {hold.Links} linked records; the limit is {hold.Limit}.</p><p>{hold.Reason}</p>");
                if (hold.IsApproved)
                {
                    html.Add($"<p class=\"approved\">Approved by {hold.ApprovedBy} at {hold.ApprovedAt?.ToString("u", CultureInfo.InvariantCulture)}: the next cycle passes the breaker once.</p>");
                }
                else
                {
                    html.Add($"{request.FormStart("/held/approve", "inline")}{DashboardRequest.FlowField(flow)}<button>Approve once</button></form> ");
                }

                html.Add($"{request.FormStart("/flows/plan", "inline")}{DashboardRequest.FlowField(flow)}<button>Show the plan</button></form>")
                    .Add($"<p class=\"muted\">To keep holding, do nothing: the flow's cycles write nothing until it is approved or the source is fixed.</p></fieldset>");
            }
        }

        if (!any)
        {
            html.Add($"<p class=\"muted\">No flow is held.</p>");
        }

        return Layout.Page(request, "Held flows", "/held", html.ToRaw());
    }

    public static async Task<IResult> ApproveAsync(DashboardRequest request, IFormCollection form)
    {
        if (FlowRef.Read(form["flow"]) is not { } flow || request.Resolve(flow) is not { } resolved)
        {
            return Results.BadRequest("No such flow.");
        }

        var approvedBy = request.Context.User.Identity?.Name is { Length: > 0 } user
            ? user
            : "dashboard user at " + request.Context.Connection.RemoteIpAddress;
        var approved = await FlowOperations.ApproveAsync(resolved.Host, resolved.Entity, flow.Flow.Target, approvedBy, request.Aborted).ConfigureAwait(false);
        return Layout.Done(request, "/held", "", approved
            ? $"Approved {request.Name(flow)} once: its next cycle passes the breaker."
            : $"{request.Name(flow)} is not held.");
    }
}
