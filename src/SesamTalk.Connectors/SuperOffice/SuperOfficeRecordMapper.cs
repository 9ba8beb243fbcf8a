using System.Globalization;
using System.Text;
using System.Text.Json;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// Converts between SuperOffice's JSON and catalog-form <see cref="SyncRecord"/>s: carriers and list items
/// (<c>{"CountryId": 578}</c>, <c>{"Id": 3}</c>) become their int id (id 0 means none), dates with offsets become UTC
/// instants (<c>0001-01-01T00:00:00</c> means none), EntityElement arrays become child records with Value and
/// Description. Archive rows (camelCase columns) are mapped to catalog field names. Writes do the reverse.
/// </summary>
internal static class SuperOfficeRecordMapper
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { "TableRight", "FieldProperties", "_Links", "UtmParameters" };

    /// <summary>An entity body (GET, POST, PUT/PATCH response).</summary>
    public static SyncRecord ReadEntity(JsonElement body, SuperOfficeEntity entity)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A {entity.Name} body is {body.ValueKind}, not an object.");
        }

        var record = new SyncRecord(entity.Name);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (Ignored.Contains(name))
            {
                continue;
            }

            if (entity.Carriers.TryGetValue(name, out var idMember))
            {
                record[name] = value.ValueKind == JsonValueKind.Object ? CarrierId(value, idMember) : Scalar(value, isDate: false);
            }
            else if (entity.ElementFields.Contains(name))
            {
                record[name] = value.ValueKind == JsonValueKind.Array ? SyncValue.From([.. value.EnumerateArray().Select(Element)]) : SyncValue.Null;
            }
            else if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                record[name] = Scalar(value, entity.DateFields.Contains(name));
            }

            // Other objects and arrays (Address, CustomFields, Persons…) are not catalog scalars and are left out.
        }

        Stamp(record, entity.Key);
        return record;
    }

    /// <summary>An array of entity bodies (agent list methods such as <c>GetQuoteLines</c>); a null body is no entity.</summary>
    public static List<SyncRecord> ReadEntities(JsonElement body, SuperOfficeEntity entity) => body.ValueKind switch
    {
        JsonValueKind.Array => [.. body.EnumerateArray().Select(item => ReadEntity(item, entity))],
        JsonValueKind.Null => [],
        _ => throw new JsonException($"A {entity.Name} list is {body.ValueKind}, not an array."),
    };

    /// <summary>The rows of an archive page (<c>{"odata.metadata","odata.nextLink","value":[…]}</c>), each read by <paramref name="readRow"/>.</summary>
    public static List<SyncRecord> ReadPage(JsonElement page, Func<JsonElement, SyncRecord> readRow) =>
        [.. page.GetProperty("value").EnumerateArray().Select(readRow)];

    /// <summary>
    /// An archive row of any provider (Project, Document…), column names kept: the record's type is its
    /// <c>EntityName</c>, its id the <c>PrimaryKey</c>, columns whose name ends in <c>Date</c> are UTC instants
    /// (<c>0001-01-01T00:00:00</c> is none) and <c>updatedDate</c> is the modification stamp.
    /// </summary>
    public static SyncRecord ReadAnyRow(JsonElement row)
    {
        var record = new SyncRecord(row.TryGetProperty("EntityName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "archive");
        foreach (var property in row.EnumerateObject().Where(p => p.Name is not ("PrimaryKey" or "EntityName")))
        {
            record[property.Name] = Scalar(property.Value, property.Name.EndsWith("Date", StringComparison.Ordinal));
        }

        record.Id = PrimaryKey(row);
        record.ModifiedAt = record.TryGetValue("updatedDate", out var at) ? at.AsDateTimeOffset() : null;
        return record;
    }

    /// <summary>An archive row: <c>{"PrimaryKey":"1","EntityName":"contact","contactId":1,…,"updatedDate":"2020-04-22T15:51:25"}</c>.</summary>
    public static SyncRecord ReadRow(JsonElement row, SuperOfficeEntity entity)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A {entity.Name} archive row is {row.ValueKind}, not an object.");
        }

        var record = new SyncRecord(entity.Name);
        foreach (var property in row.EnumerateObject())
        {
            if (!entity.FieldsByColumn.TryGetValue(property.Name, out var field))
            {
                continue;
            }

            var value = Scalar(property.Value, entity.DateFields.Contains(field));
            // Archive rows show an empty list item or carrier as 0.
            record[field] = entity.Carriers.ContainsKey(field) && value.Kind == SyncValueKind.Number && value.AsDecimal() == 0 ? SyncValue.Null : value;
        }

        record.Id = PrimaryKey(row);
        Stamp(record, entity.Key);
        return record;
    }

    /// <summary>A row's <c>PrimaryKey</c>: a string in recorded pages, a number in the docs' samples.</summary>
    private static string? PrimaryKey(JsonElement row) =>
        row.TryGetProperty("PrimaryKey", out var key) ? key.ValueKind switch
        {
            JsonValueKind.String => key.GetString(),
            JsonValueKind.Number => key.GetRawText(),
            _ => null,
        } : null;

    /// <summary>
    /// A request body with the fields present in <paramref name="record"/>; the record's key is left out, and
    /// <paramref name="key"/>, when given, is written instead (the agent's Save methods tell a create, id 0, from a
    /// replacement by it).
    /// </summary>
    public static string Body(SyncRecord record, SuperOfficeEntity entity, int? key = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (key is { } id)
            {
                writer.WriteNumber(entity.Key, id);
            }

            foreach (var (name, value) in record)
            {
                if (string.Equals(name, entity.Key, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                writer.WritePropertyName(name);
                WriteValue(writer, entity, name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Parses a SuperOffice date (with or without offset; without one it is UTC) to a UTC instant; year 1 is none.</summary>
    public static bool TryParseDate(string text, out DateTimeOffset? value)
    {
        value = null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        value = parsed.Year == 1 ? null : parsed.ToUniversalTime();
        return true;
    }

    private static void WriteValue(Utf8JsonWriter writer, SuperOfficeEntity entity, string name, SyncValue value)
    {
        if (entity.Carriers.TryGetValue(name, out var idMember))
        {
            writer.WriteStartObject();
            writer.WriteNumber(idMember, value.IsNull ? 0 : value.AsInt32() ?? 0);
            writer.WriteEndObject();
            return;
        }

        if (entity.ElementFields.Contains(name) && value.Kind is SyncValueKind.Records or SyncValueKind.String)
        {
            writer.WriteStartArray();
            var elements = value.Kind == SyncValueKind.String ? [new SyncRecord("EntityElement") { ["Value"] = value }] : value.AsRecords()!;
            foreach (var element in elements)
            {
                writer.WriteStartObject();
                writer.WriteString("Value", element.TryGetValue("Value", out var text) ? text.AsString() : "");
                if (element.TryGetValue("Description", out var description) && !description.IsNull)
                {
                    writer.WriteString("Description", description.AsString());
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            return;
        }

        JsonValueWriter.WriteScalar(writer, value,
            instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture),
            date => date.ToString("yyyy-MM-dd'T'00:00:00", CultureInfo.InvariantCulture));
    }

    private static SyncValue CarrierId(JsonElement carrier, string idMember)
    {
        foreach (var member in carrier.EnumerateObject())
        {
            if (string.Equals(member.Name, idMember, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value.ValueKind == JsonValueKind.Number && member.Value.TryGetInt32(out var id) && id != 0 ? SyncValue.From(id) : SyncValue.Null;
            }
        }

        return SyncValue.Null;
    }

    private static SyncRecord Element(JsonElement element)
    {
        var record = new SyncRecord("EntityElement");
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in (string[])["Value", "StrippedValue", "Description"])
            {
                if (element.TryGetProperty(name, out var value))
                {
                    record[name] = Scalar(value, isDate: false);
                }
            }
        }

        return record;
    }

    private static SyncValue Scalar(JsonElement value, bool isDate) => value.ValueKind switch
    {
        JsonValueKind.True => SyncValue.From(true),
        JsonValueKind.False => SyncValue.From(false),
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? SyncValue.From(number) : SyncValue.From(value.GetDouble()),
        JsonValueKind.String when isDate => TryParseDate(value.GetString()!, out var at)
            ? SyncValue.From(at)
            : throw new JsonException($"'{value.GetString()}' is not a SuperOffice date."),
        JsonValueKind.String => SyncValue.From(value.GetString()),
        _ => SyncValue.Null,
    };

    private static void Stamp(SyncRecord record, string key)
    {
        if (record.TryGetValue(key, out var id) && id.Kind == SyncValueKind.Number)
        {
            record.Id ??= id.AsInt32()?.ToString(CultureInfo.InvariantCulture);
        }

        record.ModifiedAt = record.TryGetValue("UpdatedDate", out var at) && at.Kind == SyncValueKind.DateTime ? at.AsDateTimeOffset() : null;
    }
}
