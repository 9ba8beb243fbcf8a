using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary>
/// sObject Collections upsert, <c>PATCH /composite/sobjects/{type}/{externalIdField}</c> (API 46.0+): up to 200 records of
/// one type, each carrying its external ID value; every result has <c>created</c>. A record without the value, a value
/// sent twice in the call, or a value that matches several records fails alone (or, with allOrNone, rolls back the call).
/// </summary>
internal sealed class CollectionUpsertHandler(SalesforceOrg org)
{
    public async Task<ApiResponse> UpsertAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = SObjectHandlers.ObjectType(org, request);
        var key = ExternalIdKey.Resolve(schema, request.Route("field"));
        var (records, allOrNone) = await CollectionResults.ReadRecordsAsync(request, cancellationToken).ConfigureAwait(false);
        var values = records.Select(r => KeyValue(r, key)).ToList();
        var repeated = values.OfType<string>().GroupBy(v => v, key.Comparer).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(key.Comparer);
        lock (org.Records.Gate)
        {
            var now = org.Now;
            return CollectionResults.Run(allOrNone, [.. records.Select((record, i) => Item(schema, key, record, values[i], repeated, now))]);
        }
    }

    private CollectionItem Item(Schema.SObjectSchema schema, ExternalIdKey key, JsonObject record, string? value, HashSet<string> repeated, DateTimeOffset now)
    {
        if (value is null)
        {
            return CollectionResults.Failed(null, new SalesforceError("MISSING_ARGUMENT", $"{key.Field.Name} not specified", []));
        }

        if (repeated.Contains(value))
        {
            return CollectionResults.Failed(null, new SalesforceError("DUPLICATE_EXTERNAL_ID", $"Duplicate external id specified: {value}", [key.Field.Name]));
        }

        var fields = record.DeepClone().AsObject();
        fields.Remove("attributes");
        var upsert = RecordUpsert.Plan(org, schema, key, value, fields, updateOnly: false);
        return upsert.Verdict switch
        {
            UpsertVerdict.Ambiguous => CollectionResults.Failed(null, new SalesforceError(
                "DUPLICATE_EXTERNAL_ID", $"more than one record found for external id field: [{string.Join(", ", upsert.Matches.Select(m => m.Id))}]", [key.Field.Name])),
            UpsertVerdict.NoMatch => CollectionResults.Failed(null, new SalesforceError("NOT_FOUND", "The requested resource does not exist", [])),
            UpsertVerdict.NotAllowed => CollectionResults.Failed(upsert.MatchedId, new SalesforceError(
                "INVALID_TYPE_FOR_OPERATION", $"entity type cannot be upserted: {schema.Name}", [])),
            UpsertVerdict.Invalid => new CollectionItem(upsert.MatchedId, upsert.Errors, null),
            _ => new CollectionItem(upsert.MatchedId, [], () => upsert.Commit(now), upsert.Verdict == UpsertVerdict.Insert),
        };
    }

    /// <summary>The record's key value as text (numbers as written), or null when it has none.</summary>
    private static string? KeyValue(JsonObject record, ExternalIdKey key)
    {
        var node = record.FirstOrDefault(p => string.Equals(p.Key, key.Field.Name, StringComparison.OrdinalIgnoreCase)).Value;
        return node?.GetValueKind() switch
        {
            JsonValueKind.String => SalesforceText.Stored((string)node!),
            JsonValueKind.Number => node!.ToJsonString(),
            _ => null,
        };
    }
}
