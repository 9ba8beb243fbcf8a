using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.SuperOffice.Http;

/// <summary>A response a handler produced but has not written yet, so that the pipeline can apply faults after the work is committed.</summary>
internal sealed record ApiResponse(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null) : IEmulatorResponse
{
    public string ContentType => "application/json; charset=utf-8";

    public static ApiResponse NoContent { get; } = new(StatusCodes.Status204NoContent, null);

    public static ApiResponse Ok(JsonNode body, IReadOnlyDictionary<string, string>? headers = null) => new(StatusCodes.Status200OK, body, headers);

    /// <summary>The WebAPI's error body: <c>{"Error":true,"ErrorType","ErrorMessage","ErrorSource"}</c>; the status carries the class.</summary>
    public static ApiResponse Error(int status, string errorType, string message) => new(status, new JsonObject
    {
        ["Error"] = true,
        ["ErrorType"] = errorType,
        ["ErrorMessage"] = message,
        ["ErrorSource"] = SoErrors.Source,
    });

    /// <summary>An OAuth error of the token endpoint: 400 <c>{"error","error_description"?}</c>.</summary>
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
internal sealed class SoException(ApiResponse response) : Exception((string?)response.Body?["ErrorMessage"] ?? $"HTTP {response.Status}")
{
    public ApiResponse Response { get; } = response;

    public static SoException BadRequest(string message) =>
        new(ApiResponse.Error(StatusCodes.Status400BadRequest, SoErrors.Validation, message));

    public static SoException BadQuery(string message) =>
        new(ApiResponse.Error(StatusCodes.Status400BadRequest, SoErrors.Argument, message));

    public static SoException NotFound(string entity, int id) =>
        new(ApiResponse.Error(StatusCodes.Status404NotFound, SoErrors.NotFound, SoErrors.NotFoundMessage(entity, id)));
}
