using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.ExactOnline.Http;

/// <summary>What a handler needs from the HTTP request: route values, query options and the JSON body.</summary>
internal sealed class ApiRequest(HttpContext http) : EmulatorRequest(http)
{
    /// <summary>The query string without <c>$skiptoken</c>, for building <c>__next</c> links.</summary>
    public IEnumerable<KeyValuePair<string, string>> QueryWithout(string name) =>
        Http.Request.Query.Where(q => !string.Equals(q.Key, name, StringComparison.Ordinal))
            .Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()));

    /// <summary>Reads a JSON object body; anything else is a 400 as Exact's request-stream parser answers.</summary>
    public async Task<JsonObject> ReadObjectAsync(CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return body.Length > 0 && JsonNode.Parse(body) is JsonObject node
                ? node
                : throw ApiException.BadRequest(ExactMessages.InvalidBody);
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest(ExactMessages.InvalidBody);
        }
    }
}
