using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SesamTalk.Dashboard;

/// <summary>One request to the dashboard: its hosts, its address, and the antiforgery token its forms carry.</summary>
internal sealed class DashboardRequest(HttpContext context, DashboardSite site)
{
    private AntiforgeryTokenSet? _tokens;

    public HttpContext Context => context;

    public DashboardSite Site => site;

    public CancellationToken Aborted => context.RequestAborted;

    public IReadOnlyList<DashboardHost> Hosts => site.Hosts;

    public bool ShowsHostNames => Hosts.Count > 1;

    /// <summary>The dashboard URL of <paramref name="page"/> (e.g. <c>/links</c>) with an optional query.</summary>
    public string Url(string page, string? query = null) =>
        context.Request.PathBase + site.Prefix + page + (string.IsNullOrEmpty(query) ? "" : "?" + query);

    public DashboardHost? Host(string name) =>
        Hosts.FirstOrDefault(host => string.Equals(host.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The host and entity definition of a flow the model has, or null.</summary>
    public (DashboardHost Host, ISyncEntityDefinition Entity)? Resolve(FlowRef flow)
    {
        if (Host(flow.Host) is not { } host || host.Model.Find(flow.Flow.Entity) is not { } entity
            || !entity.Mappers.Any(mapper => mapper.Target == flow.Flow.Target))
        {
            return null;
        }

        return (host, entity);
    }

    /// <summary>Opens a POST form to <paramref name="page"/> with the antiforgery token; close it with <c>&lt;/form&gt;</c>.</summary>
    public RawHtml FormStart(string page, string? cssClass = null)
    {
        var tokens = _tokens ??= context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new HtmlWriter()
            .Add($"<form method=\"post\" action=\"{Url(page)}\"{(cssClass is null ? new RawHtml("") : new HtmlWriter().Add($" class=\"{cssClass}\"").ToRaw())}>")
            .Add($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">")
            .ToRaw();
    }

    /// <summary>The hidden field that names a flow in a form.</summary>
    public static RawHtml FlowField(FlowRef flow) =>
        new HtmlWriter().Add($"<input type=\"hidden\" name=\"flow\" value=\"{flow.Key}\">").ToRaw();

    /// <summary>The flow's name as the pages show it: with its host only when the dashboard shows several.</summary>
    public string Name(FlowRef flow) => ShowsHostNames ? flow.ToString() : flow.Flow.Entity + " → " + flow.Flow.Target;

    /// <summary>Every flow of every host.</summary>
    public IEnumerable<FlowRef> Flows => Hosts.SelectMany(host => host.Flows);
}
