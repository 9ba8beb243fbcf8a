using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.Salesforce.Http;

/// <summary>What a handler needs from the HTTP request: route values, query string, body, API version.</summary>
internal sealed class ApiRequest(HttpContext http) : EmulatorRequest(http)
{
    /// <summary>The API version from the path, e.g. "64.0".</summary>
    public string Version => Route("version");

    /// <summary>The major API version, e.g. 64 for "64.0" (the pipeline has checked the form).</summary>
    public int MajorVersion => int.Parse(Version.AsSpan(0, Version.Length - 2), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The data root of this version, e.g. "/services/data/v64.0".</summary>
    public string DataPath => "/services/data/v" + Version;

    /// <summary>Reads the JSON body; unparsable or empty bodies fail the request with <c>JSON_PARSER_ERROR</c>.</summary>
    public async Task<JsonNode> ReadJsonAsync(CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return body.Length == 0 || JsonNode.Parse(body) is not { } node
                ? throw ApiException.BadRequest("JSON_PARSER_ERROR", "No content to map due to end-of-input")
                : node;
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest(
                "JSON_PARSER_ERROR", $"Unexpected character at [line:{e.LineNumber + 1}, column:{e.BytePositionInLine + 1}]");
        }
    }

    /// <summary>Reads a JSON object body; any other JSON value is a parser error as in Salesforce.</summary>
    public async Task<JsonObject> ReadObjectAsync(CancellationToken cancellationToken) =>
        await ReadJsonAsync(cancellationToken).ConfigureAwait(false) as JsonObject
        ?? throw ApiException.BadRequest("JSON_PARSER_ERROR", "Cannot deserialize instance of SObject from START_ARRAY value");
}
