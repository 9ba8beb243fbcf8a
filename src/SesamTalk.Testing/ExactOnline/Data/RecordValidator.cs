using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Catalogs;
using SesamTalk.Testing.ExactOnline.Http;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>
/// Checks a request body against the catalog: unknown properties, read-only properties, JSON types, lengths,
/// mandatory fields, references to stored entities and unique fields. Exact answers one error per request, so the
/// first problem found fails it with a 400. Callers hold the store's gate, since reference checks read other records.
/// </summary>
internal sealed class RecordValidator(EntityCatalog catalog, RecordStore store)
{
    /// <summary>Validates <paramref name="body"/>; <paramref name="key"/> is the record written (updates) for key and unique checks.</summary>
    public ValidatedWrite Validate(EntitySchema schema, JsonObject body, WriteKind kind, Guid? key = null) =>
        Validate(schema, body, kind, key, foreignKey: null);

    private ValidatedWrite Validate(EntitySchema schema, JsonObject body, WriteKind kind, Guid? key, string? foreignKey)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var lines = new List<Dictionary<string, JsonNode?>>();
        var creating = kind is WriteKind.Create or WriteKind.Seed;
        foreach (var (name, raw) in body)
        {
            if (name == "__metadata" || name == foreignKey)
            {
                continue; // A nested line belongs to the header being created, whatever it says.
            }

            if (schema.Navigation(name) is { } navigation)
            {
                lines.AddRange(navigation.IsLines && creating
                    ? Lines(navigation, raw, kind)
                    : throw ApiException.BadRequest(navigation.IsLines ? ExactMessages.LinesOnUpdate(name) : ExactMessages.ReadOnly(name)));
                continue;
            }

            var field = schema.Field(name) ?? throw ApiException.BadRequest(ExactMessages.UnknownProperty(name, schema.ModelType));
            var value = Convert(schema, field, raw);
            if (field.Key && key is { } own && (string?)value == own.ToString())
            {
                continue; // PUT bodies may repeat the record's own key.
            }

            var writable = kind switch
            {
                WriteKind.Create => field.Createable,
                WriteKind.Update => field.Updateable,
                WriteKind.Edit => !field.Key,
                _ => true,
            };
            if (!writable)
            {
                throw ApiException.BadRequest(ExactMessages.ReadOnly(name));
            }

            Check(schema, field, value, kind, key);
            values[field.Name] = value;
        }

        if (creating)
        {
            var missing = schema.Fields.FirstOrDefault(f => f.RequiredOnCreate && f.Name != foreignKey && values.GetValueOrDefault(f.Name) is null);
            if (missing is not null)
            {
                throw ApiException.BadRequest(ExactMessages.Mandatory(missing.Name));
            }

            if (kind == WriteKind.Create && schema.Lines is { } required && lines.Count == 0)
            {
                throw ApiException.BadRequest(ExactMessages.Mandatory(required.Name));
            }
        }

        return new ValidatedWrite(values, lines);
    }

    private IEnumerable<Dictionary<string, JsonNode?>> Lines(Navigation navigation, JsonNode? raw, WriteKind kind)
    {
        if (raw is not JsonArray array || array.Any(l => l is not JsonObject))
        {
            throw ApiException.BadRequest(ExactMessages.InvalidValue(navigation.Name, "collection", raw?.ToJsonString() ?? "null"));
        }

        return [.. array.Select(line => Validate(navigation.Target!, line!.AsObject(), kind, null, navigation.ForeignKey).Values)];
    }

    private void Check(EntitySchema schema, CatalogField field, JsonNode? value, WriteKind kind, Guid? key)
    {
        if (value is null)
        {
            // Clearing a mandatory field is refused; on create a null counts as not sent (checked afterwards).
            if (!field.Nillable && kind is WriteKind.Update or WriteKind.Edit)
            {
                throw ApiException.BadRequest(ExactMessages.Mandatory(field.Name));
            }

            return;
        }

        if (field.Length is { } max && value.GetValueKind() == JsonValueKind.String && ((string)value!).TrimStart().Length > max)
        {
            throw ApiException.BadRequest(ExactMessages.TooLong(field.Name, max));
        }

        if (field.Type == "reference" && field.ReferenceTo.Count > 0 && catalog.Find(field.ReferenceTo[0]) is { } target
            && store.Find(target, Guid.Parse((string)value!)) is null)
        {
            throw ApiException.BadRequest(ExactMessages.NotFoundReference(field.Name, Guid.Parse((string)value!)));
        }

        if (field.Unique && (store.HoldsUnique(schema, field.Name, value, key)
            ?? store.OfType(schema).Any(r => r.Key != key && JsonNode.DeepEquals(r[field.Name], value))))
        {
            throw ApiException.BadRequest(ExactMessages.Duplicate(field.Name, value.ToString()));
        }
    }

    /// <summary>Converts a JSON value to the field's wire form, or fails as Exact's request-stream parser does.</summary>
    private static JsonNode? Convert(EntitySchema schema, CatalogField field, JsonNode? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var type = EdmTypes.Parse(field.Type);
        var kind = raw.GetValueKind();
        var text = kind == JsonValueKind.String ? (string)raw! : null;
        JsonNode? converted = type switch
        {
            EdmType.Guid => Guid.TryParse(text, out var guid) ? guid.ToString() : null,
            EdmType.String => text is null ? null : AccountCode.IsCode(schema, field) ? AccountCode.Pad(text) : text,
            EdmType.Int32 => kind == JsonValueKind.Number && int.TryParse(raw.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : null,
            EdmType.Double => kind == JsonValueKind.Number && double.TryParse(raw.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null,
            EdmType.Boolean => kind is JsonValueKind.True or JsonValueKind.False ? (bool)raw! : null,
            EdmType.DateTime => ExactDate.TryParseRequest(text, out var at) ? ExactDate.Format(at) : null,
            _ => text is not null && System.Convert.TryFromBase64String(text, new byte[text.Length], out _) ? text : null,
        };
        return converted ?? throw ApiException.BadRequest(ExactMessages.InvalidValue(field.Name, type.Name(), text ?? raw.ToJsonString()));
    }
}
