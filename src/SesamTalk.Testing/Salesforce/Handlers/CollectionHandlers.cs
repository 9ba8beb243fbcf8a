using System.Text.Json;
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
    public async Task<ApiResponse> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (records, allOrNone) = await CollectionResults.ReadRecordsAsync(request, cancellationToken).ConfigureAwait(false);
        lock (org.Records.Gate)
        {
            var now = org.Now;
            return CollectionResults.Run(allOrNone, records.Select(record =>
            {
                var schema = RecordType(record, out var typeError);
                if (schema is null)
                {
                    return CollectionResults.Failed(null, typeError!);
                }

                if (!schema.Createable)
                {
                    return CollectionResults.Failed(null, new SalesforceError("INVALID_TYPE_FOR_OPERATION", $"entity type cannot be inserted: {schema.Name}", []));
                }

                if (record.Any(p => string.Equals(p.Key, "Id", StringComparison.OrdinalIgnoreCase)))
                {
                    return CollectionResults.Failed(null, new SalesforceError("INVALID_FIELD", "cannot specify Id in an insert call", ["Id"]));
                }

                var (values, errors) = org.Validator.Validate(schema, record, WriteKind.Create);
                return new CollectionItem(null, errors, () => org.Writer.Insert(schema, values, now).Id);
            }).ToList());
        }
    }

    public async Task<ApiResponse> UpdateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (records, allOrNone) = await CollectionResults.ReadRecordsAsync(request, cancellationToken).ConfigureAwait(false);
        lock (org.Records.Gate)
        {
            var now = org.Now;
            return CollectionResults.Run(allOrNone, records.Select(record =>
            {
                var schema = RecordType(record, out var typeError);
                var id = record.FirstOrDefault(p => string.Equals(p.Key, "Id", StringComparison.OrdinalIgnoreCase)).Value?.ToString();
                if (schema is null)
                {
                    return CollectionResults.Failed(id, typeError!);
                }

                if (id is null)
                {
                    return CollectionResults.Failed(null, new SalesforceError("MISSING_ARGUMENT", "Id not specified in an update call", []));
                }

                var (existing, error) = Find(schema, id, $"{schema.Name} ID: id value of incorrect type: {id}", ["Id"]);
                if (existing is null)
                {
                    return CollectionResults.Failed(id, error!);
                }

                if (!schema.Updateable)
                {
                    return CollectionResults.Failed(existing.Id, new SalesforceError("INVALID_TYPE_FOR_OPERATION", $"entity type cannot be updated: {schema.Name}", []));
                }

                var (values, errors) = org.Validator.Validate(schema, record, WriteKind.Update);
                return new CollectionItem(existing.Id, errors, () =>
                {
                    org.Writer.Update(existing, values, now);
                    return existing.Id;
                });
            }).ToList());
        }
    }

    public Task<ApiResponse> DeleteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var ids = Split(request.Query("ids"));
        if (ids.Length == 0)
        {
            throw ApiException.BadRequest("REQUIRED_FIELD_MISSING", "At least 1 Id is required.");
        }

        CollectionResults.CheckCount(ids.Length);
        var allOrNone = string.Equals(request.Query("allOrNone"), "true", StringComparison.OrdinalIgnoreCase);
        lock (org.Records.Gate)
        {
            var now = org.Now;
            return Task.FromResult(CollectionResults.Run(allOrNone, ids.Select(id =>
            {
                var (existing, error) = Find(null, id, $"malformed id {id}", []);
                if (existing is null)
                {
                    return CollectionResults.Failed(id, error!);
                }

                return existing.Schema.Deletable
                    ? new CollectionItem(existing.Id, [], () =>
                    {
                        org.Writer.Delete(existing, now);
                        return existing.Id;
                    })
                    : CollectionResults.Failed(existing.Id, new SalesforceError("INVALID_TYPE_FOR_OPERATION", "entity type cannot be deleted", []));
            }).ToList()));
        }
    }

    /// <summary><c>GET ?ids=&amp;fields=</c>: the records in the order asked for.</summary>
    public Task<ApiResponse> RetrieveAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Retrieve(request, Split(request.Query("ids")), Split(request.Query("fields"))));

    /// <summary><c>POST {"ids":[...],"fields":[...]}</c>, for id lists too long for a URL (jsforce retrieves many ids so).</summary>
    public async Task<ApiResponse> RetrieveByBodyAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        return Retrieve(request, Strings(body["ids"]), Strings(body["fields"]));
    }

    private ApiResponse Retrieve(ApiRequest request, string[] ids, string[] fieldNames)
    {
        var schema = SObjectHandlers.ObjectType(org, request);
        if (ids.Length == 0 || fieldNames.Length == 0)
        {
            throw ApiException.BadRequest("MISSING_ARGUMENT", "ids and fields are required");
        }

        CollectionResults.CheckCount(ids.Length);
        var fields = RecordJson.ParseFieldList(schema, string.Join(",", fieldNames));
        lock (org.Records.Gate)
        {
            // Ids that are unknown, deleted or of another type come back as null in their position.
            var rows = ids.Select(id => org.Records.Find(id) is { IsDeleted: false } r && r.Schema == schema
                ? RecordJson.Select(r, fields, request.DataPath)
                : null);
            return ApiResponse.Ok(new JsonArray([.. rows]));
        }
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array when array.All(v => v?.GetValueKind() == JsonValueKind.String) => [.. array.Select(v => (string)v!)],
        _ => throw ApiException.BadRequest("JSON_PARSER_ERROR", "Cannot deserialize instance of String[] from the value of ids or fields"),
    };

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
}
