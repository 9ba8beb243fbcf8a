using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>One stored entity: every catalog field (nulls included) in wire form, and its sync rowversion.</summary>
internal sealed class EntityRecord(EntitySchema schema, Guid key, JsonObject values)
{
    public EntitySchema Schema { get; } = schema;

    public Guid Key { get; } = key;

    /// <summary>All fields by API name in catalog order; dates as <c>/Date(ms)/</c>, guids in lower-case "D" form.</summary>
    public JsonObject Values { get; } = values;

    /// <summary>The sync API's <c>Timestamp</c>: a rowversion, new and higher on every write.</summary>
    public long Timestamp { get; set; }

    public JsonNode? this[string field] => Values[field];
}
