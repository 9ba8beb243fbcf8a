using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline.OData;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>
/// Writes entities as Exact's OData v2 JSON does: <c>__metadata</c> (uri, type) first, then the projected fields,
/// then navigation properties as <c>{"__deferred":{"uri":…}}</c> or, when expanded, <c>{"results":[…]}</c>.
/// Callers hold the store's gate.
/// </summary>
internal sealed class EntityJson(RecordStore store, ResourceUrls urls)
{
    public JsonObject Row(EntityRecord record, Projection projection)
    {
        var uri = urls.Entity(record.Schema, record.Key);
        var json = Fields(record, projection, uri);
        foreach (var navigation in projection.Navigations)
        {
            if (!projection.Expanded.Contains(navigation.Name))
            {
                json[navigation.Name] = new JsonObject { ["__deferred"] = new JsonObject { ["uri"] = $"{uri}/{navigation.Name}" } };
                continue;
            }

            var rows = navigation.Target is { } lines
                ? store.LinesOf(record, lines, navigation.ForeignKey!).Select(line => (JsonNode)Row(line, Projection.All(lines)))
                : [];
            json[navigation.Name] = new JsonObject { ["results"] = new JsonArray([.. rows]) };
        }

        return json;
    }

    /// <summary>A create's answer without <c>Prefer: return=representation</c>: every property null but the key, navigation properties deferred.</summary>
    public JsonObject KeyOnly(EntityRecord record)
    {
        var json = Row(record, Projection.All(record.Schema));
        foreach (var field in record.Schema.Fields.Where(f => !f.Key))
        {
            json[field.Name] = null;
        }

        return json;
    }

    /// <summary>A row of a sync endpoint: keyed by its Timestamp, with <c>Timestamp</c> among the fields.</summary>
    public JsonObject SyncRow(EntityRecord record, Projection projection)
    {
        var uri = ResourceUrls.SyncRow(urls.SyncCollection(record.Schema), record.Timestamp);
        return Fields(record, projection, uri, projection.Timestamp ? record.Timestamp : null);
    }

    /// <summary>The <c>__metadata</c>, a sync row's leading <c>Timestamp</c>, then the projected fields in catalog order.</summary>
    private static JsonObject Fields(EntityRecord record, Projection projection, string uri, long? timestamp = null)
    {
        var json = new JsonObject { ["__metadata"] = Metadata(uri, record.Schema.ModelType) };
        if (timestamp is { } rowVersion)
        {
            json["Timestamp"] = rowVersion;
        }

        foreach (var field in projection.Fields)
        {
            json[field.Name] = record[field.Name]?.DeepClone();
        }

        return json;
    }

    public static JsonObject Metadata(string uri, string type) => new() { ["uri"] = uri, ["type"] = type };
}
