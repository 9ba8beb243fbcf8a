using System.Text.Json;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// Turns one OData v2 row into a <see cref="SyncRecord"/>, typing values from the JSON itself: <c>/Date(ms)/</c> text
/// (Edm.DateTime) becomes an instant, numbers decimals, GUIDs and other text stay text. <c>__metadata</c> and deferred
/// navigation links are not fields; an expanded line collection (<c>{"results":[…]}</c>) becomes a records field.
/// Fixed-width text is read without its padding (<see cref="ExactPaddedText"/>).
/// </summary>
internal static class ExactOnlineRecordReader
{
    public static SyncRecord Read(JsonElement row, ExactOnlineEntitySet set)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A {set.Name} row is {row.ValueKind}, not an object.");
        }

        var record = new SyncRecord(set.Name);
        foreach (var property in row.EnumerateObject())
        {
            if (property.NameEquals("__metadata") || property.Value.ValueKind == JsonValueKind.Array)
            {
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                if (property.Value.TryGetProperty("results", out var lines) && lines.ValueKind == JsonValueKind.Array)
                {
                    var lineSet = ExactOnlineEntitySet.Find(property.Name) ?? new ExactOnlineEntitySet(property.Name, property.Name, "ID", null);
                    record[property.Name] = SyncValue.From([.. lines.EnumerateArray().Select(line => Read(line, lineSet))]);
                }

                continue;
            }

            var value = Value(property.Value);
            record[property.Name] = value.Kind == SyncValueKind.String && ExactPaddedText.IsPadded(set.Name, property.Name) ? SyncValue.From(value.AsString()!.Trim()) : value;
        }

        record.Id = record.TryGetValue(set.Key, out var id) ? id.AsString() : null;
        record.ModifiedAt = record.TryGetValue("Modified", out var modified) && modified.Kind == SyncValueKind.DateTime ? modified.AsDateTimeOffset() : null;
        return record;
    }

    private static SyncValue Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => SyncValue.From(true),
        JsonValueKind.False => SyncValue.From(false),
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? SyncValue.From(number) : SyncValue.From(value.GetDouble()),
        JsonValueKind.String => ExactWireFormat.TryParseDate(value.GetString()!, out var at) ? SyncValue.From(at) : SyncValue.From(value.GetString()),
        _ => SyncValue.Null,
    };
}
