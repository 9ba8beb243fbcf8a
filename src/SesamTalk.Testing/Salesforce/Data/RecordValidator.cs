using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>
/// Checks a request body against the object's schema. Unknown fields and values of the wrong JSON type fail the
/// whole request (Salesforce rejects them while deserialising); the remaining rules give per-record errors. Values come
/// back in the form Salesforce stores them: text trimmed (empty text is null), datetimes to the second, numbers as
/// doubles, reference ids in their 18-character form.
/// Callers hold the store's gate, since reference checks read other records.
/// </summary>
internal sealed partial class RecordValidator(SchemaCatalog catalog, RecordStore store)
{
    /// <summary>Returns the body's values under their API names, converted to wire form, and the record's errors.</summary>
    public (Dictionary<string, JsonNode?> Values, List<SalesforceError> Errors) Validate(SObjectSchema schema, JsonObject body, WriteKind kind)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var errors = new List<SalesforceError>();
        var readOnly = new List<string>();
        foreach (var (name, raw) in body)
        {
            if (name == "attributes")
            {
                continue;
            }

            var field = schema.Field(name)
                ?? throw ApiException.BadRequest("INVALID_FIELD", $"No such column '{name}' on sobject of type {schema.Name}");
            if (field.Name == "Id")
            {
                continue; // Callers decide: forbidden on create, the record's own id on update.
            }

            var value = Convert(field, raw);
            var writable = kind switch
            {
                WriteKind.Create => field.Source.Createable,
                WriteKind.Update => field.Source.Updateable,
                _ => !field.Type.IsCompound() && field.Source.ConcatenationOf.Count == 0,
            };
            if (!writable)
            {
                readOnly.Add(field.Name);
                continue;
            }

            var (normalized, error) = Check(field, value);
            if (error is not null)
            {
                errors.Add(error);
            }

            values[field.Name] = normalized;
        }

        if (readOnly.Count > 0)
        {
            errors.Insert(0, new SalesforceError(
                "INVALID_FIELD_FOR_INSERT_UPDATE",
                $"Unable to create/update fields: {string.Join(", ", readOnly)}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
                readOnly));
        }

        var missing = schema.Fields.Where(f => IsMissing(f, kind, values)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new SalesforceError("REQUIRED_FIELD_MISSING", $"Required fields are missing: [{string.Join(", ", missing)}]", missing));
        }

        if (kind == WriteKind.Create && DuplicatePriceEntry(schema, values) is { } duplicate)
        {
            errors.Add(duplicate);
        }

        if (kind is WriteKind.Create or WriteKind.Seed)
        {
            errors.AddRange(DuplicateUniqueValues(schema, values));
        }

        return (values, errors);
    }

    /// <summary>A price book holds one entry per product: a second one is refused as the real org refuses it.</summary>
    private SalesforceError? DuplicatePriceEntry(SObjectSchema schema, Dictionary<string, JsonNode?> values)
    {
        if (schema.Name != "PricebookEntry"
            || values.GetValueOrDefault("Pricebook2Id") is not { } pricebook
            || values.GetValueOrDefault("Product2Id") is not { } product)
        {
            return null;
        }

        var existing = store.OfType(schema).FirstOrDefault(entry => !entry.IsDeleted
            && (string?)entry.Values["Pricebook2Id"] == (string?)pricebook
            && (string?)entry.Values["Product2Id"] == (string?)product);
        return existing is null
            ? null
            : new SalesforceError("DUPLICATE_VALUE", $"This price definition already exists in this price book: duplicates value on record with id: {existing.Id}", []);
    }

    /// <summary>A field marked unique (an org's External ID field with "Unique") takes each value once per object.</summary>
    private IEnumerable<SalesforceError> DuplicateUniqueValues(SObjectSchema schema, Dictionary<string, JsonNode?> values)
    {
        foreach (var field in schema.Fields.Where(f => f.Source.Unique && f.Name != "Id"))
        {
            if (values.GetValueOrDefault(field.Name)?.ToString() is { } value
                && store.OfType(schema).FirstOrDefault(r => !r.IsDeleted && r[field.Name]?.ToString() == value) is { } existing)
            {
                yield return new SalesforceError("DUPLICATE_VALUE", $"duplicate value found: {field.Name} duplicates value on record with id: {existing.Id}", []);
            }
        }
    }

    private static bool IsMissing(FieldSchema field, WriteKind kind, Dictionary<string, JsonNode?> values)
    {
        var present = values.TryGetValue(field.Name, out var value);
        return kind switch
        {
            WriteKind.Create => field.Source.RequiredOnCreate && value is null,
            WriteKind.Update or WriteKind.Edit => !field.Source.Nillable && present && value is null,
            _ => !field.Source.Nillable && !field.Source.DefaultedOnCreate && value is null,
        };
    }

    /// <summary>Converts a JSON value to the field's wire form, or fails the request as Salesforce's parser does.</summary>
    private static JsonNode? Convert(FieldSchema field, JsonNode? raw)
    {
        if (raw is null || field.Type.IsCompound())
        {
            return raw?.DeepClone();
        }

        var kind = raw.GetValueKind();
        JsonNode? converted = field.Type switch
        {
            _ when field.Type.IsText() || field.Type.IsId() => kind == JsonValueKind.String ? (string)raw! : null,
            FieldType.Boolean => kind is JsonValueKind.True or JsonValueKind.False ? (bool)raw! : null,
            FieldType.Int or FieldType.Long => kind == JsonValueKind.Number && raw.AsValue().TryGetValue(out long whole) ? whole : null,
            FieldType.Date => kind == JsonValueKind.String && SalesforceDate.TryParseDate((string)raw!, out var date)
                ? SalesforceDate.FormatDate(date) : null,
            FieldType.Datetime => kind == JsonValueKind.String && SalesforceDate.TryParseDateTime((string)raw!, out var time)
                ? SalesforceDate.FormatDateTime(SalesforceDate.TruncateToSecond(time)) : null,
            _ => kind == JsonValueKind.Number ? (double)raw! : null,
        };
        return converted ?? throw ParserError(field, raw, kind);
    }

    private static ApiException ParserError(FieldSchema field, JsonNode raw, JsonValueKind kind)
    {
        var token = kind switch
        {
            JsonValueKind.String => "VALUE_STRING",
            JsonValueKind.Number => raw.ToJsonString().Contains('.', StringComparison.Ordinal) ? "VALUE_NUMBER_FLOAT" : "VALUE_NUMBER_INT",
            JsonValueKind.True => "VALUE_TRUE",
            JsonValueKind.False => "VALUE_FALSE",
            JsonValueKind.Array => "START_ARRAY",
            _ => "START_OBJECT",
        };
        var text = kind == JsonValueKind.String ? (string)raw! : raw.ToJsonString();
        var typeName = field.Type.IsText() || field.Type.IsId() ? "string" : field.Type.ToDescribeName();
        return ApiException.BadRequest(
            "JSON_PARSER_ERROR",
            $"Cannot deserialize instance of {typeName} from {token} value {text} or request may be missing a required field");
    }

    private (JsonNode? Value, SalesforceError? Error) Check(FieldSchema field, JsonNode? value)
    {
        if (value is null)
        {
            return (null, null);
        }

        if (field.Type.IsText())
        {
            if (SalesforceText.Stored((string)value!) is not { } text)
            {
                return (null, null);
            }

            if (field.Source.Length is { } max && text.Length > max)
            {
                return (text, new SalesforceError(
                    "STRING_TOO_LONG",
                    string.Create(CultureInfo.InvariantCulture, $"{field.Name}: data value too large: {text} (max length={max})"),
                    [field.Name]));
            }

            if (field.Type == FieldType.Email && !EmailPattern().IsMatch(text))
            {
                return (text, new SalesforceError("INVALID_EMAIL_ADDRESS", $"{field.Name}: invalid email address: {text}", [field.Name]));
            }

            return (text, RestrictedPicklistError(field, text));
        }

        return field.Type == FieldType.Reference ? CheckReference(field, (string)value!) : (value, null);
    }

    /// <summary>A restricted picklist takes only its active values (each of them, for a multi-select one's <c>a;b</c>).</summary>
    private static SalesforceError? RestrictedPicklistError(FieldSchema field, string text)
    {
        if (!field.Source.RestrictedPicklist)
        {
            return null;
        }

        var values = field.Type == FieldType.Multipicklist ? text.Split(';') : [text];
        return values.FirstOrDefault(v => !field.Source.AllowsPicklistValue(v)) is { } bad
            ? new SalesforceError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", $"{field.Name}: bad value for restricted picklist field: {bad}", [field.Name])
            : null;
    }

    private (JsonNode? Value, SalesforceError? Error) CheckReference(FieldSchema field, string value)
    {
        var label = field.Source.ReferenceTo.Count > 0 ? field.Source.ReferenceTo[0] : "Record";
        var malformed = new SalesforceError("MALFORMED_ID", $"{label} ID: id value of incorrect type: {value}", [field.Name]);
        if (SalesforceId.Normalize(value) is not { } id)
        {
            return (value, malformed);
        }

        // Only targets the emulator stores can be checked; User, Opportunity and the like are taken on trust.
        var targets = field.Source.ReferenceTo.Select(catalog.Find).ToList();
        if (targets.Count == 0 || targets.Any(t => t is null))
        {
            return (id, null);
        }

        if (!targets.Any(t => id.StartsWith(t!.KeyPrefix, StringComparison.Ordinal)))
        {
            return (id, malformed);
        }

        return store.Find(id) switch
        {
            null => (id, new SalesforceError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", [field.Name])),
            { IsDeleted: true } => (id, new SalesforceError("ENTITY_IS_DELETED", "entity is deleted", [field.Name])),
            _ => (id, null),
        };
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
