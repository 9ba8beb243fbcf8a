using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Data;

/// <summary>One stored entity: every catalog field (nulls included) in catalog form (list items and carriers as int ids, dates as UTC).</summary>
internal sealed class EntityRecord(EntitySchema schema, int id, JsonObject values)
{
    public EntitySchema Schema { get; } = schema;

    public int Id { get; } = id;

    /// <summary>All fields by catalog name in catalog order.</summary>
    public JsonObject Values { get; } = values;

    public JsonNode? this[string field] => Values[field];

    /// <summary>The server-maintained last-update time.</summary>
    public DateTimeOffset Updated => SoDate.Load((string)Values["UpdatedDate"]!);
}
