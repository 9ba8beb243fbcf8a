using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.SuperOffice.Http;

/// <summary>What a handler needs from the HTTP request: route values, query options, headers and the JSON body.</summary>
internal sealed class ApiRequest(HttpContext http) : EmulatorRequest(http)
{
    /// <summary>Reads a JSON body (object or, for JSON Patch, array); anything else is a 400.</summary>
    public async Task<JsonNode> ReadJsonAsync(CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return body.Length > 0 && JsonNode.Parse(body) is { } node and (JsonObject or JsonArray)
                ? node
                : throw SoException.BadRequest(SoErrors.InvalidBody);
        }
        catch (JsonException)
        {
            throw SoException.BadRequest(SoErrors.InvalidBody);
        }
    }

    /// <summary>Reads a JSON object body.</summary>
    public async Task<JsonObject> ReadObjectAsync(CancellationToken cancellationToken) =>
        await ReadJsonAsync(cancellationToken).ConfigureAwait(false) as JsonObject ?? throw SoException.BadRequest(SoErrors.InvalidBody);
}
