using System.Net;
using System.Text;

namespace SesamTalk.Connectors.Tests.Fixtures;

/// <summary>
/// Serves recorded bodies to the real connector through its HttpClient pipeline: each route is a method and an exact
/// (unescaped) path; every request is kept for assertions. A request no route matches gets a 404 naming it.
/// </summary>
internal sealed class FixtureResponses
{
    private readonly List<Route> _routes = [];
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public FixtureResponses On(HttpMethod method, string path, string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _routes.Add(new Route(method, path, body, status));
        return this;
    }

    public HttpMessageHandler CreateHandler() => new Handler(this);

    private async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(request.Method, uri, request.Headers.Authorization?.ToString(), body));
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var route = _routes.FirstOrDefault(r => r.Method == request.Method && r.Path == path);
        return route is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent($"No fixture for {request.Method} {path}") }
            : new HttpResponseMessage(route.Status) { Content = new StringContent(route.Body, Encoding.UTF8, "application/json") };
    }

    private sealed record Route(HttpMethod Method, string Path, string Body, HttpStatusCode Status);

    private sealed class Handler(FixtureResponses owner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            owner.AnswerAsync(request, cancellationToken);
    }
}

/// <summary>One request the connector sent.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body);
