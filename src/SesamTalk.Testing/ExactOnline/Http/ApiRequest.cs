using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SesamTalk.Testing.ExactOnline.Http;

/// <summary>What a handler needs from the HTTP request: route values, query options and the JSON body.</summary>
internal sealed class ApiRequest(HttpContext http)
{
    public HttpContext Http { get; } = http;

    public string Route(string name) => Http.GetRouteValue(name) as string ?? "";

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    public string? Header(string name) => Http.Request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>The query string without <c>$skiptoken</c>, for building <c>__next</c> links.</summary>
    public IEnumerable<KeyValuePair<string, string>> QueryWithout(string name) =>
        Http.Request.Query.Where(q => !string.Equals(q.Key, name, StringComparison.Ordinal))
            .Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()));

    /// <summary>Reads a JSON object body; anything else is a 400 as Exact's request-stream parser answers.</summary>
    public async Task<JsonObject> ReadObjectAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await Http.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        try
        {
            return buffer.Length > 0 && JsonNode.Parse(buffer.ToArray()) is JsonObject body
                ? body
                : throw ApiException.BadRequest(ExactMessages.InvalidBody);
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest(ExactMessages.InvalidBody);
        }
    }
}
