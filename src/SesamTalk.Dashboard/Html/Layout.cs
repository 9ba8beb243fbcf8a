using Microsoft.AspNetCore.Http;

namespace SesamTalk.Dashboard;

/// <summary>The frame of every page: title, navigation, the message of the last action, inline styles, no outside assets.</summary>
internal static class Layout
{
    private static readonly (string Page, string Label)[] Navigation =
    [
        ("/", "Overview"), ("/quarantine", "Quarantine"), ("/conflicts", "Conflicts"), ("/links", "Links"), ("/held", "Held flows"),
    ];

    /// <summary>
    /// Only the page's own inline styles and images run: no scripts, no outside requests, forms post back to the
    /// dashboard, and no other site may frame it.
    /// </summary>
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private const string Styles = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1c2430;background:#f5f7fa}
        header{background:#1f3b57;color:#fff;padding:10px 20px;display:flex;gap:24px;align-items:center}
        header h1{font-size:18px;margin:0}header nav a{color:#cfe0f1;margin-right:14px;text-decoration:none}
        header nav a.active{color:#fff;font-weight:600;border-bottom:2px solid #fff}
        main{padding:16px 20px}h2{font-size:16px;margin:18px 0 8px}
        table{border-collapse:collapse;background:#fff;width:100%;margin-bottom:12px}
        th,td{border:1px solid #dde3ea;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef2f6}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .message{background:#e6f4ea;border:1px solid #9cd3ac;padding:8px 12px;margin-bottom:12px}
        .error{background:#fdecea;border:1px solid #f1a9a0}
        form.inline{display:inline}button{cursor:pointer}
        .actions,td:first-child,td.time{white-space:nowrap}td.state{min-width:18em}.muted{color:#6b7785}
        fieldset{background:#fff;border:1px solid #dde3ea;margin-bottom:12px}
        .charts{display:flex;flex-wrap:wrap;gap:12px}figure.chart{margin:0;background:#fff;border:1px solid #dde3ea;padding:6px}
        figcaption{font-weight:600;margin-bottom:4px}.pager{margin:8px 0}
        """;

    public static IResult Page(DashboardRequest request, string title, string page, RawHtml body)
    {
        var html = new HtmlWriter()
            .Add($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} · {request.Site.Options.Title}</title>")
            .Add($"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>{new RawHtml(Styles)}</style></head><body>")
            .Add($"<header><h1>{request.Site.Options.Title}</h1><nav>");
        foreach (var (target, label) in Navigation)
        {
            html.Add($"<a href=\"{request.Url(target)}\"{(target == page ? new RawHtml(" class=\"active\"") : default)}>{label}</a>");
        }

        html.Add($"</nav></header><main><h2>{title}</h2>");
        if (request.Context.Request.Query["message"].ToString() is { Length: > 0 } message)
        {
            html.Add($"<p class=\"message\" role=\"status\">{message}</p>");
        }

        html.Add($"{body}</main></body></html>");
        var headers = request.Context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>After an action: a redirect back to <paramref name="page"/> with what was done, so a reload does not post again.</summary>
    public static IResult Done(DashboardRequest request, string page, string query, string message) =>
        Results.Redirect(request.Url(page, (query.Length == 0 ? "" : query + "&") + "message=" + Uri.EscapeDataString(message)), permanent: false, preserveMethod: false);
}
