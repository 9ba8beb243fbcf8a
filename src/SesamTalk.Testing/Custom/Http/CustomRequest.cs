using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>What a handler needs from the HTTP request: route values, query string, headers and the JSON body.</summary>
internal sealed class CustomRequest(HttpContext http)
{
    public HttpContext Http { get; } = http;

    /// <summary>The request path, the problem's <c>instance</c>.</summary>
    public string Instance => Http.Request.PathBase + Http.Request.Path;

    public string Route(string name) => Http.GetRouteValue(name) as string ?? "";

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    public string? Header(string name) => Http.Request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>Reads a JSON object body; an empty, unparsable or non-object body is a 400 <c>malformed-json</c> problem.</summary>
    public async Task<JsonObject> ReadObjectAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await Http.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        JsonNode? node;
        try
        {
            node = buffer.Length == 0 ? null : JsonNode.Parse(buffer.ToArray());
        }
        catch (JsonException e)
        {
            throw Problems.BadRequest(
                "malformed-json", $"The body is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).", Instance);
        }

        return node as JsonObject ?? throw Problems.BadRequest("malformed-json", "The body must be a JSON object.", Instance);
    }
}
