using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary>One record's outcome in an sObject Collections call before commit: its errors, or the write to run when the call may commit.</summary>
/// <param name="Id">The record's id when known (updates, deletes, upserts that matched).</param>
/// <param name="Errors">Why the record fails; empty when it may be written.</param>
/// <param name="Commit">Writes the record and returns its id.</param>
/// <param name="Created">For upserts, whether the write creates the record (the result's <c>created</c>).</param>
internal sealed record CollectionItem(string? Id, IReadOnlyList<SalesforceError> Errors, Func<string>? Commit, bool? Created = null);

/// <summary>
/// What every sObject Collections write shares: at most 200 records, HTTP 200 with one result per record in request
/// order once the request parses, and with <c>allOrNone</c> every record commits or none does (the others then fail with
/// <c>ALL_OR_NONE_OPERATION_ROLLED_BACK</c>).
/// </summary>
internal static class CollectionResults
{
    private const int MaxRecords = 200;

    /// <summary>The body's <c>records</c> and <c>allOrNone</c>; a body of another shape is a parser error.</summary>
    public static async Task<(List<JsonObject> Records, bool AllOrNone)> ReadRecordsAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        if (body["records"] is not JsonArray array || array.Any(r => r is not JsonObject))
        {
            throw ApiException.BadRequest("JSON_PARSER_ERROR", "Cannot deserialize instance of SObject[] from the value of records");
        }

        CheckCount(array.Count);
        var allOrNone = body["allOrNone"] is JsonValue flag && flag.TryGetValue(out bool value) && value;
        return ([.. array.Select(r => (JsonObject)r!)], allOrNone);
    }

    public static void CheckCount(int count)
    {
        if (count > MaxRecords)
        {
            throw ApiException.BadRequest("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call");
        }
    }

    public static CollectionItem Failed(string? id, SalesforceError error) => new(id, [error], null);

    /// <summary>Commits the items (all, or with allOrNone none when one fails) and answers their results.</summary>
    public static ApiResponse Run(bool allOrNone, List<CollectionItem> items)
    {
        var rollBack = allOrNone && items.Any(i => i.Errors.Count > 0);
        var results = items.Select(item => (JsonNode)(item.Errors.Count > 0 ? Failure(item.Id, item.Errors)
            : rollBack ? Failure(item.Id, [SalesforceError.RolledBack])
            : Success(item.Commit!(), item.Created)));
        return ApiResponse.Ok(new JsonArray([.. results]));
    }

    private static JsonObject Success(string id, bool? created)
    {
        var json = new JsonObject { ["id"] = id, ["success"] = true, ["errors"] = new JsonArray() };
        if (created is { } flag)
        {
            json["created"] = flag;
        }

        return json;
    }

    private static JsonObject Failure(string? id, IReadOnlyList<SalesforceError> errors)
    {
        var json = new JsonObject();
        if (id is not null)
        {
            json["id"] = id;
        }

        json["success"] = false;
        json["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)e.ToRecordJson())]);
        return json;
    }
}
