using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary>
/// sObject Collections under <c>/composite/sobjects</c>: up to 200 records a call, HTTP 200 with one result per
/// record once the request parses, and with allOrNone either every record commits or none does.
/// </summary>
internal sealed class CollectionHandlers(SalesforceOrg org)
{
    private const int MaxRecords = 200;

    /// <summary>One record's outcome before commit: its errors, or the write to run when the batch may commit.</summary>
    private sealed record Item(string? Id, List<SalesforceError> Errors, Func<string>? Commit);

    public async Task<ApiResponse> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (records, allOrNone) = await ReadRecordsAsync(request, cancellationToken).ConfigureAwait(false);
        lock (org.Records.Gate)
        {
            var now = org.Now;
            return Run(allOrNone, records.Select(record =>
            {
                var schema = RecordType(record, out var typeError);
                if (schema is null)
                {
                    return Failed(null, typeError!);
                }

                if (!schema.Createable)
                {
                    return Failed(null, new SalesforceError("INVALID_TYPE_FOR_OPERATION", $"entity type cannot be inserted: {schema.Name}", []));
                }

                if (record.Any(p => string.Equals(p.Key, "Id", StringComparison.OrdinalIgnoreCase)))
                {
                    return Failed(null, new SalesforceError("INVALID_FIELD", "cannot specify Id in an insert call", ["Id"]));
                }

                var (values, errors) = org.Validator.Validate(schema, record, WriteKind.Create);
                return new Item(null, errors, () => org.Writer.Insert(schema, values, now).Id);
            }).ToList());
        }
    }

    public async Task<ApiResponse> UpdateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (records, allOrNone) = await ReadRecordsAsync(request, cancellationToken).ConfigureAwait(false);
        lock (org.Records.Gate)
        {
            var now = org.Now;
            return Run(allOrNone, records.Select(record =>
            {
                var schema = RecordType(record, out var typeError);
                var id = record.FirstOrDefault(p => string.Equals(p.Key, "Id", StringComparison.OrdinalIgnoreCase)).Value?.ToString();
                if (schema is null)
                {
                    return Failed(id, typeError!);
                }

                if (id is null)
                {
                    return Failed(null, new SalesforceError("MISSING_ARGUMENT", "Id not specified in an update call", []));
                }

                var (existing, error) = Find(schema, id, $"{schema.Name} ID: id value of incorrect type: {id}", ["Id"]);
                if (existing is null)
                {
                    return Failed(id, error!);
                }

                if (!schema.Updateable)
                {
                    return Failed(existing.Id, new SalesforceError("INVALID_TYPE_FOR_OPERATION", $"entity type cannot be updated: {schema.Name}", []));
                }

                var (values, errors) = org.Validator.Validate(schema, record, WriteKind.Update);
                return new Item(existing.Id, errors, () =>
                {
                    org.Writer.Update(existing, values, now);
                    return existing.Id;
                });
            }).ToList());
        }
    }

    public Task<ApiResponse> DeleteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var ids = (request.Query("ids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            throw ApiException.BadRequest("REQUIRED_FIELD_MISSING", "At least 1 Id is required.");
        }

        CheckCount(ids.Length);
        var allOrNone = string.Equals(request.Query("allOrNone"), "true", StringComparison.OrdinalIgnoreCase);
        lock (org.Records.Gate)
        {
            var now = org.Now;
            return Task.FromResult(Run(allOrNone, ids.Select(id =>
            {
                var (existing, error) = Find(null, id, $"malformed id {id}", []);
                if (existing is null)
                {
                    return Failed(id, error!);
                }

                return existing.Schema.Deletable
                    ? new Item(existing.Id, [], () =>
                    {
                        org.Writer.Delete(existing, now);
                        return existing.Id;
                    })
                    : Failed(existing.Id, new SalesforceError("INVALID_TYPE_FOR_OPERATION", "entity type cannot be deleted", []));
            }).ToList()));
        }
    }

    public Task<ApiResponse> RetrieveAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = SObjectHandlers.ObjectType(org, request);
        var ids = (request.Query("ids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fieldList = request.Query("fields");
        if (ids.Length == 0 || string.IsNullOrWhiteSpace(fieldList))
        {
            throw ApiException.BadRequest("MISSING_ARGUMENT", "ids and fields are required");
        }

        CheckCount(ids.Length);
        var fields = RecordJson.ParseFieldList(schema, fieldList);
        lock (org.Records.Gate)
        {
            // Ids that are unknown, deleted or of another type come back as null in their position.
            var rows = ids.Select(id => org.Records.Find(id) is { IsDeleted: false } r && r.Schema == schema
                ? RecordJson.Select(r, fields, request.DataPath)
                : null);
            return Task.FromResult(ApiResponse.Ok(new JsonArray([.. rows])));
        }
    }

    private static async Task<(List<JsonObject> Records, bool AllOrNone)> ReadRecordsAsync(ApiRequest request, CancellationToken cancellationToken)
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

    private static void CheckCount(int count)
    {
        if (count > MaxRecords)
        {
            throw ApiException.BadRequest("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call");
        }
    }

    private SObjectSchema? RecordType(JsonObject record, out SalesforceError? error)
    {
        var type = (record["attributes"] as JsonObject)?["type"]?.ToString();
        var schema = type is null ? null : org.Schemas.Find(type);
        error = type is null ? new SalesforceError("INVALID_TYPE", "Must send a concrete entity type.", [])
            : schema is null ? new SalesforceError("INVALID_TYPE", $"sObject type '{type}' is not supported.", [])
            : null;
        return schema;
    }

    /// <summary>A live record by id (optionally of one type), or the per-record error for a malformed, unknown or deleted id.</summary>
    private (SObjectRecord? Record, SalesforceError? Error) Find(SObjectSchema? schema, string id, string malformedMessage, IReadOnlyList<string> fields) =>
        LiveRecord.Find(org.Records, schema, id, malformedMessage, fields);

    private static Item Failed(string? id, SalesforceError error) => new(id, [error], null);

    private static ApiResponse Run(bool allOrNone, List<Item> items)
    {
        var rollBack = allOrNone && items.Any(i => i.Errors.Count > 0);
        var results = items.Select(item => (JsonNode)(item.Errors.Count > 0 ? Failure(item.Id, item.Errors)
            : rollBack ? Failure(item.Id, [SalesforceError.RolledBack])
            : Success(item.Commit!())));
        return ApiResponse.Ok(new JsonArray([.. results]));
    }

    private static JsonObject Success(string id) =>
        new() { ["id"] = id, ["success"] = true, ["errors"] = new JsonArray() };

    private static JsonObject Failure(string? id, List<SalesforceError> errors)
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
