using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Custom.Schema;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>Single-record read, create, update and delete; the batch endpoint reuses the create and update steps.</summary>
internal sealed class RecordHandlers(CustomApi api)
{
    public const int MaxIdempotencyKeyLength = 255;

    public async Task<CustomResponse> GetAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var type = api.Type(request);
        var id = request.Route("id");
        var record = await api.Store.GetAsync(type, id, cancellationToken).ConfigureAwait(false);
        return record switch
        {
            null => Problems.NotFound(request.Instance, type, id),
            { Deleted: true } => Problems.Gone(request.Instance, type, id),
            _ => CustomResponse.Record(StatusCodes.Status200OK, record),
        };
    }

    public async Task<CustomResponse> CreateAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var type = api.Type(request);
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        var key = request.Header("Idempotency-Key");
        var response = await CreateOneAsync(request.Instance, type, body, key, cancellationToken).ConfigureAwait(false);
        return response.IsProblem
            ? response
            : response.WithHeader("Location", request.Instance.TrimEnd('/') + "/" + Uri.EscapeDataString((string)response.Body!["id"]!));
    }

    public async Task<CustomResponse> UpdateAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var type = api.Type(request);
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        var version = RecordJson.ExpectedVersion(request.Header("If-Match"));
        return await UpdateOneAsync(request.Instance, type, request.Route("id"), body, version, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CustomResponse> DeleteAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var type = api.Type(request);
        api.Allow(request.Instance, type, CustomEndpoint.Delete);
        var id = request.Route("id");
        var version = RecordJson.ExpectedVersion(request.Header("If-Match"));
        var result = await api.Store.DeleteAsync(type, id, version, cancellationToken).ConfigureAwait(false);
        return result.Outcome == CustomWriteOutcome.Deleted ? CustomResponse.NoContent : Refusal(result, request.Instance, type, id);
    }

    /// <summary>
    /// Creates from a body <c>{"fields": {...}}</c> (other members are the server's and ignored): 201 with the record,
    /// or 200 with the first request's record when <paramref name="key"/> was used before.
    /// </summary>
    public async Task<CustomResponse> CreateOneAsync(
        string instance, string type, JsonObject body, string? key, CancellationToken cancellationToken)
    {
        if (key is not null && (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(char.IsControl)))
        {
            throw Problems.BadRequest(
                "invalid-idempotency-key", $"An idempotency key is 1 to {MaxIdempotencyKeyLength} printable characters.", instance, type);
        }

        api.Allow(instance, type, CustomEndpoint.Create);
        var (fields, errors) = api.Validate(type, Fields(body, instance, type), WriteKind.Create);
        if (errors.Count > 0)
        {
            return Problems.Invalid(instance, type, null, errors);
        }

        var result = await api.Store.CreateAsync(type, fields, key, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            CustomWriteOutcome.Created => CustomResponse.Record(StatusCodes.Status201Created, result.Record!),
            CustomWriteOutcome.Replayed => CustomResponse.Record(StatusCodes.Status200OK, result.Record!).WithHeader("Idempotent-Replayed", "true"),
            _ => Refusal(result, instance, type, null),
        };
    }

    /// <summary>Sets the fields of a body <c>{"fields": {...}}</c>; fields it does not carry keep their values.</summary>
    public async Task<CustomResponse> UpdateOneAsync(
        string instance, string type, string id, JsonObject body, string? version, CancellationToken cancellationToken)
    {
        api.Allow(instance, type, CustomEndpoint.Update);
        var (fields, errors) = api.Validate(type, Fields(body, instance, type), WriteKind.Update);
        if (errors.Count > 0)
        {
            return Problems.Invalid(instance, type, id, errors);
        }

        var result = await api.Store.UpdateAsync(type, id, fields, version, cancellationToken).ConfigureAwait(false);
        return result.Outcome == CustomWriteOutcome.Updated
            ? CustomResponse.Record(StatusCodes.Status200OK, result.Record!)
            : Refusal(result, instance, type, id);
    }

    /// <summary>The problem for a write the store did not do.</summary>
    private static CustomResponse Refusal(CustomWriteResult result, string instance, string type, string? id) => result.Outcome switch
    {
        CustomWriteOutcome.NotFound => Problems.NotFound(instance, type, id!),
        CustomWriteOutcome.Gone => Problems.Gone(instance, type, id!),
        CustomWriteOutcome.VersionMismatch => Problems.PreconditionFailed(instance, result.Record!),
        CustomWriteOutcome.Invalid => Problems.Invalid(instance, type, id, result.Errors),
        _ => throw new InvalidOperationException($"The store answered {result.Outcome} to a write it should have done or refused."),
    };

    /// <summary>The body's <c>fields</c> object (a copy); 400 <c>malformed-record</c> when it is missing or not an object.</summary>
    private static JsonObject Fields(JsonObject body, string instance, string type) =>
        body["fields"] is JsonObject fields
            ? fields.DeepClone().AsObject()
            : throw Problems.BadRequest("malformed-record", "The body must be {\"fields\": {...}}.", instance, type);
}
