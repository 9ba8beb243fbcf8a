using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.Salesforce.Http;

/// <summary>
/// A response a handler produced but has not written yet. Handlers return these rather than writing to the
/// connection so the pipeline can apply faults (drop or corrupt the response) after the work is committed.
/// </summary>
internal sealed partial record ApiResponse(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null) : IEmulatorResponse
{
    public string ContentType => "application/json;charset=UTF-8";

    public static ApiResponse Ok(JsonNode body) => new(StatusCodes.Status200OK, body);

    public static ApiResponse NoContent { get; } = new(StatusCodes.Status204NoContent, null);

    /// <summary>An error in the top-level REST shape: an array of <c>{"message","errorCode","fields"?}</c>.</summary>
    public static ApiResponse Error(int status, params SalesforceError[] errors) =>
        new(status, new JsonArray([.. errors.Select(e => (JsonNode)e.ToRestJson())]));

    public static ApiResponse Error(int status, string code, string message, IReadOnlyList<string>? fields = null) =>
        Error(status, new SalesforceError(code, message, fields));

    public static ApiResponse NotFound() =>
        Error(StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist");

    /// <summary>An OAuth error: <c>{"error","error_description"}</c>.</summary>
    public static ApiResponse OAuthError(int status, string error, string description) =>
        new(status, new JsonObject { ["error"] = error, ["error_description"] = description });
}

/// <summary>Ends a handler early with a complete response (a request-level error found deep in parsing or validation).</summary>
internal sealed class ApiException(ApiResponse response) : Exception(Describe(response))
{
    public ApiResponse Response { get; } = response;

    private static string Describe(ApiResponse response) => response.Body is JsonArray errors
        ? string.Join("; ", errors.Select(e => $"{e?["errorCode"]}: {e?["message"]}"))
        : $"HTTP {response.Status}";

    public static ApiException BadRequest(string code, string message, IReadOnlyList<string>? fields = null) =>
        new(ApiResponse.Error(StatusCodes.Status400BadRequest, code, message, fields));
}
