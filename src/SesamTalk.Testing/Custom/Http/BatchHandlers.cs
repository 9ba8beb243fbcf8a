using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>
/// <c>POST /{type}/batch</c>: up to <see cref="MaxItems"/> creates and updates, each done (or refused) on its own, in
/// order, with one result per item carrying the status and the record or problem the single-record call would give.
/// </summary>
internal sealed class BatchHandlers(CustomApi api, RecordHandlers records)
{
    public const int MaxItems = 100;

    public async Task<CustomResponse> BatchAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var type = api.Type(request);
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        if (body["items"] is not JsonArray { Count: > 0 } items)
        {
            throw Problems.BadRequest("malformed-batch", "The body must be {\"items\": [...]} with at least one item.", request.Instance, type);
        }

        if (items.Count > MaxItems)
        {
            throw Problems.BadRequest(
                "batch-too-large", $"A batch holds at most {MaxItems} items; this one has {items.Count}. Split it.", request.Instance, type);
        }

        var results = new JsonArray();
        for (var index = 0; index < items.Count; index++)
        {
            var instance = $"{request.Instance}#/items/{index}";
            CustomResponse response;
            try
            {
                response = await ItemAsync(items[index] as JsonObject, instance, type, cancellationToken).ConfigureAwait(false);
            }
            catch (ProblemException e)
            {
                response = e.Response;
            }

            results.Add(new JsonObject
            {
                ["index"] = index,
                ["status"] = response.Status,
                [response.IsProblem ? "problem" : "record"] = response.Body,
            });
        }

        return new CustomResponse(StatusCodes.Status200OK, new JsonObject { ["results"] = results });
    }

    private Task<CustomResponse> ItemAsync(JsonObject? item, string instance, string type, CancellationToken cancellationToken) =>
        ((string?)item?["op"]) switch
        {
            "create" => records.CreateOneAsync(instance, type, item!, Text(item!, "idempotencyKey"), cancellationToken),
            "update" when Text(item!, "id") is { Length: > 0 } id =>
                records.UpdateOneAsync(instance, type, id, item!, RecordJson.ExpectedVersion(Text(item!, "ifMatch")), cancellationToken),
            _ => throw Problems.BadRequest(
                "malformed-batch-item",
                "An item is {\"op\": \"create\", \"idempotencyKey\"?, \"fields\"} or {\"op\": \"update\", \"id\", \"ifMatch\"?, \"fields\"}.",
                instance,
                type),
        };

    private static string? Text(JsonObject item, string member) => item[member] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
