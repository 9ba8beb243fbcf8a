using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.ExactOnline.Http;

/// <summary>
/// A response a handler produced but has not written yet, so that the pipeline can add rate-limit headers and
/// apply faults (drop or corrupt the response) after the work is committed. <see cref="Text"/> is a plain-text body
/// (<c>$count</c>) used instead of <see cref="Body"/>.
/// </summary>
internal sealed record ApiResponse(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null, string? Text = null)
    : IEmulatorResponse
{
    public string ContentType => "application/json; charset=utf-8";

    public static ApiResponse NoContent { get; } = new(StatusCodes.Status204NoContent, null);

    /// <summary>An OData payload: <c>{"d": …}</c>.</summary>
    public static ApiResponse Data(JsonNode d, int status = StatusCodes.Status200OK) => new(status, new JsonObject { ["d"] = d });

    /// <summary>Exact's error shape: <c>{"error":{"code":"","message":{"lang":"","value":"…"}}}</c>.</summary>
    public static ApiResponse Error(int status, string message) => new(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = "",
            ["message"] = new JsonObject { ["lang"] = "", ["value"] = message },
        },
    });

    public static ApiResponse BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    /// <summary>405 for a method the resource (or this URL form of it) does not take.</summary>
    public static ApiResponse MethodNotAllowed(string method) => Error(StatusCodes.Status405MethodNotAllowed, ExactMessages.NotSupported(method));

    /// <summary>An OAuth error of the token endpoint: <c>{"error","error_description"?}</c>.</summary>
    public static ApiResponse OAuthError(string error, string? description = null)
    {
        var body = new JsonObject { ["error"] = error };
        if (description is not null)
        {
            body["error_description"] = description;
        }

        return new(StatusCodes.Status400BadRequest, body);
    }
}

/// <summary>Ends a handler early with a complete response (an error found deep in parsing or validation).</summary>
internal sealed class ApiException(ApiResponse response)
    : Exception((string?)response.Body?["error"]?["message"]?["value"] ?? $"HTTP {response.Status}")
{
    public ApiResponse Response { get; } = response;

    public static ApiException BadRequest(string message) => new(ApiResponse.BadRequest(message));
}
