using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Catalogs;
using SesamTalk.Testing.Custom.Http;

namespace SesamTalk.Testing.Custom.Schema;

/// <summary>How a write is checked: creates and updates respect the fields' write rules, seeding may set any field.</summary>
internal enum WriteKind
{
    Create,
    Update,
    Seed,
}

/// <summary>Checks field values against a <see cref="CatalogType"/> and names every field that fails.</summary>
internal static class FieldValidator
{
    private static readonly HashSet<string> TextTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "reference", "string", "textarea", "email", "phone", "url", "encryptedstring", "combobox", "picklist", "multipicklist", "time",
    };

    private static readonly HashSet<string> NumberTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "double", "decimal", "currency", "percent",
    };

    public static List<CustomFieldError> Validate(CatalogType type, JsonObject fields, WriteKind kind)
    {
        var errors = new List<CustomFieldError>();
        foreach (var (name, value) in fields)
        {
            if (!type.Fields.TryGetValue(name, out var field))
            {
                errors.Add(new(name, "unknown-field", $"{type.Name} has no field '{name}'."));
                continue;
            }

            var writable = kind switch
            {
                WriteKind.Create => field.Createable,
                WriteKind.Update => field.Updateable,
                _ => true,
            };
            if (!writable)
            {
                errors.Add(new(field.Name, "read-only", $"Field '{field.Name}' cannot be {(kind == WriteKind.Create ? "set on create" : "updated")}."));
            }
            else if (IsEmpty(value))
            {
                if (!field.Nillable)
                {
                    errors.Add(new(field.Name, "required", $"Field '{field.Name}' cannot be empty."));
                }
            }
            else if (Check(field, value!) is { } error)
            {
                errors.Add(error);
            }
        }

        if (kind == WriteKind.Create)
        {
            errors.AddRange(type.Fields.Values
                .Where(f => f.RequiredOnCreate && !fields.Any(p => string.Equals(p.Key, f.Name, StringComparison.OrdinalIgnoreCase)))
                .Select(f => new CustomFieldError(f.Name, "required", $"Field '{f.Name}' is required on create.")));
        }

        return errors;
    }

    /// <summary>A copy of <paramref name="fields"/> with every known field under the catalog's spelling.</summary>
    public static JsonObject Canonical(CatalogType type, JsonObject fields)
    {
        var canonical = new JsonObject();
        foreach (var (name, value) in fields)
        {
            canonical[type.Fields.TryGetValue(name, out var field) ? field.Name : name] = value?.DeepClone();
        }

        return canonical;
    }

    /// <summary>Null and "" are empty: allowed on a nillable field of any type, <c>required</c> on any other.</summary>
    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value.GetValueKind() == JsonValueKind.String && ((string)value!).Length == 0);

    /// <summary>Null when the value fits the field's type and length; else the error.</summary>
    private static CustomFieldError? Check(CatalogField field, JsonNode value)
    {
        var kind = value.GetValueKind();
        var type = field.Type.ToLowerInvariant();
        var fits = type switch
        {
            _ when TextTypes.Contains(type) => kind == JsonValueKind.String,
            "guid" => kind == JsonValueKind.String && Guid.TryParse((string)value!, out _),
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "int" => kind == JsonValueKind.Number && JsonNumber.IsWhole(value, int.MinValue, int.MaxValue),
            "long" => kind == JsonValueKind.Number && JsonNumber.IsWhole(value, long.MinValue, long.MaxValue),
            _ when NumberTypes.Contains(type) => kind == JsonValueKind.Number,
            "date" => kind == JsonValueKind.String
                && DateTime.TryParseExact((string)value!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "datetime" => kind == JsonValueKind.String && IsInstant((string)value!),
            _ => true,
        };
        if (!fits)
        {
            return new(field.Name, "invalid-type", $"Value {Describe(value)} of field '{field.Name}' is not of type {field.Type}.");
        }

        return field.Length is { } length && kind == JsonValueKind.String && ((string)value!).Length > length
            ? new(field.Name, "too-long", $"Field '{field.Name}' is longer than {length.ToString(CultureInfo.InvariantCulture)} characters.")
            : null;
    }

    /// <summary>ISO 8601 with an explicit offset or <c>Z</c>: a local time without offset is ambiguous and refused.</summary>
    private static bool IsInstant(string text) =>
        text.Length > 10
        && (text.EndsWith('Z') || text[^6] is '+' or '-')
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string Describe(JsonNode value)
    {
        var json = value.ToJsonString();
        return json.Length <= 40 ? json : json[..37] + "...";
    }
}
