using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SesamTalk.Testing.Http;

/// <summary>What every emulator's handlers need from the HTTP request: route values, query string, headers and the raw body.</summary>
internal abstract class EmulatorRequest(HttpContext http)
{
    public HttpContext Http { get; } = http;

    public string Route(string name) => Http.GetRouteValue(name) as string ?? "";

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    public string? Header(string name) => Http.Request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>Reads the whole body (empty when there is none).</summary>
    protected async Task<byte[]> ReadBodyAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await Http.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
