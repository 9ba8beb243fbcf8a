using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>
/// The contract's errors as RFC 7807 <c>application/problem+json</c>: <c>type</c> is <c>urn:sesamtalk:problem:{code}</c>,
/// and the extension members <c>code</c>, <c>recordType</c>, <c>recordId</c> and <c>errors</c> (per field) name what failed.
/// </summary>
internal static class Problems
{
    public const string TypePrefix = "urn:sesamtalk:problem:";

    public static CustomResponse Create(
        int status, string code, string title, string detail, string instance,
        string? recordType = null, string? recordId = null, IReadOnlyList<CustomFieldError>? errors = null)
    {
        var body = new JsonObject
        {
            ["type"] = TypePrefix + code,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = instance,
            ["code"] = code,
        };
        if (recordType is not null)
        {
            body["recordType"] = recordType;
        }

        if (recordId is not null)
        {
            body["recordId"] = recordId;
        }

        if (errors is not null)
        {
            body["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
            {
                ["field"] = e.Field,
                ["code"] = e.Code,
                ["message"] = e.Message,
            })]);
        }

        return new CustomResponse(status, body);
    }

    public static ProblemException BadRequest(string code, string detail, string instance, string? recordType = null) =>
        new(Create(StatusCodes.Status400BadRequest, code, "The request is not valid.", detail, instance, recordType));

    public static CustomResponse Invalid(string instance, string type, string? id, IReadOnlyList<CustomFieldError> errors) => Create(
        StatusCodes.Status400BadRequest, "validation", "The record is not valid.",
        $"{type} {id ?? "(new)"}: " + string.Join(" ", errors.Select(e => e.Message)), instance, type, id, errors);

    public static CustomResponse NotFound(string instance, string type, string id) => Create(
        StatusCodes.Status404NotFound, "not-found", "The record does not exist.", $"{type} {id} does not exist.", instance, type, id);

    public static CustomResponse Gone(string instance, string type, string id) => Create(
        StatusCodes.Status410Gone, "gone", "The record was deleted.", $"{type} {id} was deleted.", instance, type, id);

    public static CustomResponse UnknownType(string instance, string type) => Create(
        StatusCodes.Status404NotFound, "unknown-type", "The record type does not exist.", $"This system has no record type '{type}'.", instance, type);

    public static CustomResponse PreconditionFailed(string instance, CustomRecord current) => Create(
        StatusCodes.Status412PreconditionFailed, "precondition-failed", "The record changed since it was read.",
        $"{current.Type} {current.Id} is at version {current.Version}; re-read it and retry.", instance, current.Type, current.Id)
        .WithHeader("ETag", RecordJson.ETag(current.Version));

    public static CustomResponse Unauthorized(string instance) => Create(
        StatusCodes.Status401Unauthorized, "unauthorized", "Authentication is required.",
        "Send the system's API key as 'Authorization: Bearer {key}'.", instance)
        .WithHeader("WWW-Authenticate", "Bearer");

    public static CustomResponse TooManyRequests(string instance, int retryAfterSeconds) => Create(
        StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests.",
        $"The request budget is used up; retry after {retryAfterSeconds} seconds.", instance);

    public static CustomResponse ServerError(int status, string instance) => Create(
        status, "server-error", "The server failed.", "The request was not processed; it is safe to retry.", instance);

    public static CustomResponse NotAllowed(string instance, string type, string operation) => Create(
        StatusCodes.Status405MethodNotAllowed, "not-allowed", "The operation is not allowed on this type.",
        $"{type} records cannot be {operation} through the API.", instance, type);
}
