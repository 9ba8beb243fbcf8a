using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Catalogs;
using SesamTalk.Testing.SuperOffice.Http;
using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Data;

/// <summary>
/// Turns a body into catalog-form values and checks them against the catalog: JSON types, carriers
/// (<c>{"CountryId": 578}</c> → 578; id 0 means none), element arrays, mandatory fields and references to stored
/// entities. The first problem fails the request with a 400. Callers hold the store's gate.
/// </summary>
internal sealed class RecordValidator(EntityCatalog catalog, RecordStore store)
{
    /// <summary>
    /// Validates <paramref name="body"/> for <paramref name="kind"/>. A full update (<paramref name="replace"/>) also
    /// empties every updateable field the body leaves out (false for flags), as a PUT of a whole carrier does.
    /// </summary>
    public Dictionary<string, JsonNode?> Validate(EntitySchema schema, JsonObject body, WriteKind kind, bool replace = false)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var catalogForm = kind is WriteKind.Seed or WriteKind.Edit;
        foreach (var (name, raw) in body)
        {
            var field = schema.Field(name);
            if (field is null && catalogForm)
            {
                throw new ArgumentException($"{schema.Name} has no field '{name}'.", nameof(body));
            }

            if (field is null)
            {
                continue;
            }

            var writable = kind switch
            {
                WriteKind.Create => field.Createable,
                WriteKind.Update => field.Updateable,
                WriteKind.Edit => !field.Key,
                _ => true,
            };
            if (writable)
            {
                values[field.Name] = Convert(schema, field, raw, catalogForm);
            }
        }

        if (replace)
        {
            foreach (var field in schema.Fields.Where(f => f.Updateable && !values.ContainsKey(f.Name)))
            {
                values[field.Name] = field.Type == "boolean" ? false : null;
            }
        }

        var creating = kind is WriteKind.Create or WriteKind.Seed;
        foreach (var field in schema.Fields)
        {
            var present = values.TryGetValue(field.Name, out var value);
            if (IsEmpty(value) && ((creating && field.RequiredOnCreate) || (present && !creating && !field.Nillable)))
            {
                throw SoException.BadRequest(SoErrors.Mandatory(field.Name));
            }

            CheckReference(field, value);
        }

        return values;
    }

    private static bool IsEmpty(JsonNode? value) => value is null || (value.GetValueKind() == JsonValueKind.String && ((string)value!).Trim().Length == 0);

    private void CheckReference(CatalogField field, JsonNode? value)
    {
        if (value is null || field.ReferenceTo.Count == 0 || catalog.Find(field.ReferenceTo[0]) is not { } target)
        {
            return;
        }

        var id = (int)value;
        if (store.Find(target, id) is null)
        {
            throw SoException.BadRequest(SoErrors.MissingReference(field.Name, target.Name, id));
        }
    }

    /// <summary>Converts one value to catalog form, or fails as NetServer's deserializer does.</summary>
    private static JsonNode? Convert(EntitySchema schema, CatalogField field, JsonNode? raw, bool catalogForm)
    {
        if (raw is null)
        {
            return null;
        }

        var kind = raw.GetValueKind();
        var text = kind == JsonValueKind.String ? (string)raw! : null;
        if (schema.CarrierId(field) is { } idMember && !catalogForm)
        {
            // A list item or entity carrier: only its id counts; the name, tooltip etc. are read-only.
            return raw is JsonObject carrier && carrier.FirstOrDefault(p => string.Equals(p.Key, idMember, StringComparison.OrdinalIgnoreCase)).Value is { } id
                ? Convert(schema, field, id, catalogForm: true)
                : throw Invalid(field, raw);
        }

        JsonNode? converted = field.Type switch
        {
            "int" or "reference" => kind == JsonValueKind.Number && int.TryParse(raw.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                ? (whole == 0 && schema.CarrierId(field) is not null ? null : whole)
                : throw Invalid(field, raw),
            "double" => kind == JsonValueKind.Number && double.TryParse(raw.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Invalid(field, raw),
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False ? (bool)raw! : throw Invalid(field, raw),
            "datetime" => SoDate.TryParse(text, out var at) ? (at is { } date ? SoDate.Store(date) : null) : throw Invalid(field, raw),
            _ when schema.IsElementArray(field) => Elements(field, raw),
            "address" => raw is JsonObject ? raw.DeepClone() : throw Invalid(field, raw),
            _ => text ?? throw Invalid(field, raw),
        };
        return converted;
    }

    /// <summary>An EntityElement array: <c>[{"Value","StrippedValue","Description"}]</c>, first element primary.</summary>
    private static JsonArray Elements(CatalogField field, JsonNode raw)
    {
        if (raw is not JsonArray array)
        {
            throw Invalid(field, raw);
        }

        var elements = new JsonArray();
        foreach (var element in array)
        {
            if (element is not JsonObject item || item["Value"] is not { } value || value.GetValueKind() != JsonValueKind.String)
            {
                throw Invalid(field, raw);
            }

            var text = (string)value!;
            elements.Add(new JsonObject
            {
                ["Value"] = text,
                ["StrippedValue"] = Stripped(field, text),
                ["Description"] = (string?)item["Description"] ?? "",
            });
        }

        return elements;
    }

    /// <summary>The search form NetServer derives: phone numbers keep only digits and '+', other values are trimmed.</summary>
    private static string Stripped(CatalogField field, string value) =>
        field.Type == "phone" ? new string([.. value.Where(c => char.IsAsciiDigit(c) || c == '+')]) : value.Trim();

    private static SoException Invalid(CatalogField field, JsonNode raw) => SoException.BadRequest(SoErrors.InvalidValue(field.Name, raw.ToJsonString()));
}
