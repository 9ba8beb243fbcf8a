using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>One stored record: every field of its schema (nulls included) plus its recycle-bin state.</summary>
internal sealed class SObjectRecord(SObjectSchema schema, string id, JsonObject values)
{
    public SObjectSchema Schema { get; } = schema;

    public string Id { get; } = id;

    /// <summary>All fields by their API names, in describe order; datetimes already in wire format.</summary>
    public JsonObject Values { get; } = values;

    /// <summary>Set while the record is in the Recycle Bin (only queryAll and getDeleted still see it).</summary>
    public DateTimeOffset? DeletedDate { get; set; }

    public bool IsDeleted => DeletedDate is not null;

    public DateTimeOffset SystemModstamp => SystemModstampOrNull ?? DateTimeOffset.MinValue;

    /// <summary>SystemModstamp as a query compares it: null when empty or not a datetime.</summary>
    public DateTimeOffset? SystemModstampOrNull =>
        SalesforceDate.TryParseDateTime((string?)Values[nameof(SystemModstamp)], out var value) ? value : null;

    /// <summary>The record's place in creation order (the store numbers records as they are added).</summary>
    public long Sequence { get; set; }

    /// <summary>Where the object's feed index holds the record (null while it is not indexed); kept by <see cref="SObjectTable"/>.</summary>
    public FeedKey? FeedKey { get; set; }

    public JsonNode? this[string field] => Values[field];
}
