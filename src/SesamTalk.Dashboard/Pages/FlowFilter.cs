namespace SesamTalk.Dashboard;

/// <summary>The flow picker of the list pages: every flow, or the one the query names.</summary>
internal static class FlowFilter
{
    /// <summary>The flows the page lists: the one in the query string, or all.</summary>
    public static IEnumerable<FlowRef> Selected(DashboardRequest request) =>
        FlowRef.Read(request.Context.Request.Query["flow"]) is { } flow ? [flow] : request.Flows;

    /// <summary>A GET form choosing a flow (and any extra fields) for <paramref name="page"/>.</summary>
    public static RawHtml Form(DashboardRequest request, string page, RawHtml extraFields = default)
    {
        var selected = FlowRef.Read(request.Context.Request.Query["flow"]);
        var html = new HtmlWriter().Add($"<form method=\"get\" action=\"{request.Url(page)}\"><label>Flow <select name=\"flow\">");
        html.Add($"<option value=\"\">every flow</option>");
        foreach (var flow in request.Flows)
        {
            html.Add($"<option value=\"{flow.Key}\"{(flow == selected ? new RawHtml(" selected") : default)}>{request.Name(flow)}</option>");
        }

        return html.Add($"</select></label> {extraFields} <button>Show</button></form>").ToRaw();
    }
}
