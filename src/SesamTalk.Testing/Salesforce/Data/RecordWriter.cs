using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.PubSub;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>
/// Commits validated values: fills system fields, defaults and auto-numbers on create, stamps
/// LastModifiedDate/SystemModstamp on every change, recomputes compound fields and the Order's roll-up of its items.
/// Callers hold the store's gate.
/// </summary>
internal sealed class RecordWriter(RecordStore store, string userId)
{
    /// <summary>Called after each insert, inside it (e.g. Salesforce Billing invoicing a new order).</summary>
    public Action<SObjectRecord, DateTimeOffset>? Inserted { get; set; }

    /// <summary>Called after each create, update and delete, inside it (change data capture publishes its event).</summary>
    public Action<RecordChange>? Changed { get; set; }

    public SObjectRecord Insert(SObjectSchema schema, IReadOnlyDictionary<string, JsonNode?> values, DateTimeOffset now)
    {
        var id = store.NewId(schema);
        var stamp = SalesforceDate.FormatDateTime(now);
        var json = new JsonObject();
        foreach (var field in schema.Fields)
        {
            json[field.Name] = field.Name switch
            {
                "Id" => id,
                "IsDeleted" => false,
                "CreatedDate" or "LastModifiedDate" or "SystemModstamp" => stamp,
                "CreatedById" or "LastModifiedById" or "OwnerId" => userId,
                _ when field.Source.AutoNumber => store.NextAutoNumber(schema, field),
                _ when field.Source.DefaultValue is not null => field.Source.DefaultValue,
                _ when field.Type == FieldType.Boolean => false,
                _ => null,
            };
        }

        foreach (var (name, value) in values)
        {
            json[name] = value?.DeepClone();
        }

        // A custom object's record created without a name is named by its id.
        if (schema.Custom && json.ContainsKey("Name") && json["Name"] is null)
        {
            json["Name"] = id;
        }

        var record = new SObjectRecord(schema, id, json);
        Derive(record);
        store.Add(record);
        RollUp(record, now);
        Inserted?.Invoke(record, now);
        Changed?.Invoke(new RecordChange(record, ChangeType.CREATE, null, now));
        return record;
    }

    public void Update(SObjectRecord record, IReadOnlyDictionary<string, JsonNode?> values, DateTimeOffset now)
    {
        var before = Changed is null ? null : record.Values.DeepClone().AsObject();
        foreach (var (name, value) in values)
        {
            record.Values[name] = value?.DeepClone();
        }

        record.Values["LastModifiedById"] = userId;
        Stamp(record, now, "LastModifiedDate", "SystemModstamp");
        Derive(record);
        RollUp(record, now);
        Changed?.Invoke(new RecordChange(record, ChangeType.UPDATE, before, now));
    }

    /// <summary>Moves the record to the Recycle Bin: hidden from query, kept for queryAll and getDeleted.</summary>
    public void Delete(SObjectRecord record, DateTimeOffset now)
    {
        record.DeletedDate = now;
        if (record.Schema.HasIsDeleted)
        {
            record.Values["IsDeleted"] = true;
        }

        Stamp(record, now, "SystemModstamp");
        RollUp(record, now);
        Changed?.Invoke(new RecordChange(record, ChangeType.DELETE, null, now));
    }

    /// <summary>
    /// Order.TotalAmount is a roll-up summary of its items (Quantity × UnitPrice). Adding, changing or deleting an item
    /// recalculates it, and the recalculation stamps the order's SystemModstamp: a change feed on SystemModstamp sees
    /// the order change when only its items did.
    /// </summary>
    private void RollUp(SObjectRecord item, DateTimeOffset now)
    {
        if (item.Schema.Name != "OrderItem" || store.Find((string?)item.Values["OrderId"]) is not { IsDeleted: false } order)
        {
            return;
        }

        order.Values["TotalAmount"] = store.OfType(item.Schema)
            .Where(other => !other.IsDeleted && (string?)other.Values["OrderId"] == order.Id)
            .Sum(other => Number(other, "Quantity") * Number(other, "UnitPrice"));
        Stamp(order, now, "SystemModstamp");
    }

    private static decimal Number(SObjectRecord record, string field) =>
        record.Values[field] is { } value ? decimal.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) : 0m;

    private void Stamp(SObjectRecord record, DateTimeOffset now, params string[] fields)
    {
        foreach (var field in fields)
        {
            record.Values[field] = SalesforceDate.FormatDateTime(now);
        }

        if (fields.Contains("SystemModstamp"))
        {
            store.Restamp(record);
        }
    }

    /// <summary>Recomputes read-only compound fields: full names and address objects.</summary>
    private static void Derive(SObjectRecord record)
    {
        foreach (var field in record.Schema.Fields)
        {
            if (field.Source.ConcatenationOf.Count > 0)
            {
                var parts = field.Source.ConcatenationOf.Select(p => (string?)record.Values[p]).Where(p => !string.IsNullOrEmpty(p)).ToList();
                record.Values[field.Name] = parts.Count == 0 ? null : string.Join(" ", parts);
            }
            else if (field.Type == FieldType.Address)
            {
                record.Values[field.Name] = Address(record.Values, field.AddressPrefix);
            }
        }
    }

    /// <summary>The compound address as REST returns it: null when every part is empty.</summary>
    private static JsonObject? Address(JsonObject values, string prefix)
    {
        JsonNode? Part(string name) => values.TryGetPropertyValue(prefix + name, out var v) ? v?.DeepClone() : null;
        var address = new JsonObject
        {
            ["city"] = Part("City"),
            ["country"] = Part("Country"),
            ["countryCode"] = Part("CountryCode"),
            ["geocodeAccuracy"] = Part("GeocodeAccuracy"),
            ["latitude"] = Part("Latitude"),
            ["longitude"] = Part("Longitude"),
            ["postalCode"] = Part("PostalCode"),
            ["state"] = Part("State"),
            ["stateCode"] = Part("StateCode"),
            ["street"] = Part("Street"),
        };
        return address.Any(p => p.Value is not null) ? address : null;
    }
}
