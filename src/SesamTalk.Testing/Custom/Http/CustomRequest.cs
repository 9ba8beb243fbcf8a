using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>What a handler needs from the HTTP request: route values, query string, headers and the JSON body.</summary>
internal sealed class CustomRequest(HttpContext http) : EmulatorRequest(http)
{
    /// <summary>The request path, the problem's <c>instance</c>.</summary>
    public string Instance => Http.Request.PathBase + Http.Request.Path;

    /// <summary>Reads a JSON object body; an empty, unparsable or non-object body is a 400 <c>malformed-json</c> problem.</summary>
    public async Task<JsonObject> ReadObjectAsync(CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? node;
        try
        {
            node = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw Problems.BadRequest(
                "malformed-json", $"The body is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).", Instance);
        }

        return node as JsonObject ?? throw Problems.BadRequest("malformed-json", "The body must be a JSON object.", Instance);
    }
}
