using System.Text;
using System.Text.Json;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Turns Salesforce describe results (<c>GET /services/data/vXX.X/sobjects/{type}/describe</c>) into a SesamTalk
/// catalog (docs/catalogs.md), so a host can check its mappings against its own org, custom fields included:
/// save the output as <c>*.catalog.json</c> and add it to the project as <c>AdditionalFiles</c>.
/// </summary>
public static class SalesforceCatalogExporter
{
    private static readonly string[] FlagMembers = ["createable", "updateable", "nillable", "defaultedOnCreate", "idLookup", "externalId", "unique", "autoNumber", "filterable", "restrictedPicklist"];

    /// <summary>Writes the catalog for the described objects, in the order given.</summary>
    /// <param name="describes">The describe results, one JSON document per object.</param>
    /// <returns>The catalog JSON, indented.</returns>
    public static string Export(IEnumerable<JsonElement> describes)
    {
        ArgumentNullException.ThrowIfNull(describes);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("system", "Salesforce");
            writer.WriteStartArray("objects");
            foreach (var describe in describes)
            {
                WriteObject(writer, describe);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement describe)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Required(describe, "name"));
        if (describe.TryGetProperty("keyPrefix", out var prefix) && prefix.ValueKind == JsonValueKind.String)
        {
            writer.WriteString("keyPrefix", prefix.GetString());
        }

        writer.WriteBoolean("createable", Flag(describe, "createable"));
        writer.WriteBoolean("updateable", Flag(describe, "updateable"));
        writer.WriteBoolean("deletable", Flag(describe, "deletable"));
        writer.WriteStartArray("fields");
        foreach (var field in describe.GetProperty("fields").EnumerateArray())
        {
            WriteField(writer, field);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter writer, JsonElement field)
    {
        var type = Required(field, "type");
        writer.WriteStartObject();
        writer.WriteString("name", Required(field, "name"));
        writer.WriteString("type", type);
        if (field.TryGetProperty("length", out var length) && length.TryGetInt32(out var value) && value > 0)
        {
            writer.WriteNumber("length", value);
        }

        if (type == "id")
        {
            writer.WriteBoolean("key", true);
        }

        foreach (var member in FlagMembers)
        {
            if (field.TryGetProperty(member, out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                writer.WriteBoolean(member, flag.GetBoolean());
            }
        }

        if (field.TryGetProperty("referenceTo", out var targets) && targets.ValueKind == JsonValueKind.Array && targets.GetArrayLength() > 0)
        {
            writer.WriteStartArray("referenceTo");
            foreach (var target in targets.EnumerateArray())
            {
                writer.WriteStringValue(target.GetString());
            }

            writer.WriteEndArray();
        }

        WritePicklistValues(writer, field);
        writer.WriteEndObject();
    }

    /// <summary>A picklist's values as the catalog keeps them: value, label, and the flags only where they differ from the defaults.</summary>
    private static void WritePicklistValues(Utf8JsonWriter writer, JsonElement field)
    {
        if (!field.TryGetProperty("picklistValues", out var values) || values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
        {
            return;
        }

        writer.WriteStartArray("picklistValues");
        foreach (var entry in values.EnumerateArray())
        {
            var value = Required(entry, "value");
            writer.WriteStartObject();
            writer.WriteString("value", value);
            if (entry.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String && label.GetString() != value)
            {
                writer.WriteString("label", label.GetString());
            }

            if (entry.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.False)
            {
                writer.WriteBoolean("active", false);
            }

            if (Flag(entry, "defaultValue"))
            {
                writer.WriteBoolean("defaultValue", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"A describe result needs \"{name}\" as text.");

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
