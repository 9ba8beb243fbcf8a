using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Data;

/// <summary>
/// Renders stored entities in the WebAPI's carrier shapes (ContactEntity, PersonEntity, SaleEntity; the Quote agent's
/// QuoteAlternative, QuoteLine, Product): carriers as objects with their id, element arrays with
/// <c>TableRight</c>/<c>FieldProperties</c>, dates with the tenant's offset, the collections and rights members the
/// carriers always have, and <c>_Links</c> on REST entities.
/// </summary>
internal sealed class EntityJson(RecordStore store, TimeZoneInfo zone, string apiRoot)
{
    /// <summary>The entity body of a record; <paramref name="record"/> may be an unsaved default entity.</summary>
    public JsonObject Entity(EntityRecord record)
    {
        var schema = record.Schema;
        var json = new JsonObject();
        foreach (var field in schema.Fields)
        {
            var value = record[field.Name];
            json[field.Name] = field.Type switch
            {
                _ when value is null && schema.IsElementArray(field) => new JsonArray(),
                _ when value is null => null,
                _ when schema.CarrierId(field) is { } idMember => new JsonObject { [idMember] = value.DeepClone() },
                "datetime" => SoDate.Entity(SoDate.Load((string)value!), zone),
                _ when schema.IsElementArray(field) => new JsonArray([.. value.AsArray().Select(Element)]),
                _ => value.DeepClone(),
            };
        }

        foreach (var (name, extra) in Extras(record))
        {
            json[name] = extra;
        }

        json["TableRight"] = null;
        json["FieldProperties"] = new JsonObject();
        if (!schema.Rest)
        {
            return json;
        }

        var self = string.Create(CultureInfo.InvariantCulture, $"{apiRoot}v1/{schema.EntityName}");
        json["_Links"] = new JsonObject { ["Self"] = record.Id > 0 ? $"{self}/{record.Id.ToString(CultureInfo.InvariantCulture)}" : self, ["Archive"] = self };
        return json;
    }

    private static JsonObject Element(JsonNode? element) => new()
    {
        ["Value"] = element!["Value"]?.DeepClone(),
        ["StrippedValue"] = element["StrippedValue"]?.DeepClone(),
        ["Description"] = element["Description"]?.DeepClone(),
        ["TableRight"] = null,
        ["FieldProperties"] = new JsonObject(),
    };

    /// <summary>The members every carrier of the entity has that the catalog does not describe (collections, custom fields).</summary>
    private IEnumerable<(string Name, JsonNode? Value)> Extras(EntityRecord record)
    {
        if (!record.Schema.Rest)
        {
            // QuoteLine and Product carry their connector's extra fields as name/value pairs; none are emulated.
            if (record.Schema.Field("RawExtraInfo") is not null)
            {
                yield return ("ExtraInfo", new JsonArray());
            }

            yield break;
        }

        if (record.Schema.Name == "Contact")
        {
            yield return ("Interests", new JsonArray());
            yield return ("Persons", new JsonArray([.. PersonsOf(record)]));
            yield return ("BounceEmails", new JsonArray());
            yield return ("Domains", new JsonArray());
            yield return ("UtmParameters", null);
        }

        yield return ("UserDefinedFields", new JsonObject());
        yield return ("ExtraFields", new JsonObject());
        yield return ("CustomFields", new JsonObject());
    }

    /// <summary>The contact's persons as the summaries ContactEntity nests.</summary>
    private IEnumerable<JsonObject> PersonsOf(EntityRecord contact)
    {
        var persons = store.OfType(EntityCatalog.Instance.Find("Person")!).Where(p => (int?)p["Contact"] == contact.Id);
        return persons.Select(p => new JsonObject
        {
            ["PersonId"] = p.Id,
            ["Mrmrs"] = p["Mrmrs"]?.DeepClone(),
            ["Firstname"] = p["Firstname"]?.DeepClone(),
            ["Lastname"] = p["Lastname"]?.DeepClone(),
            ["MiddleName"] = p["MiddleName"]?.DeepClone(),
            ["Title"] = p["Title"]?.DeepClone(),
            ["Email"] = p["Emails"]?.AsArray().FirstOrDefault()?["Value"]?.DeepClone() ?? "",
            ["FullName"] = p["FullName"]?.DeepClone(),
            ["CountryId"] = p["Country"]?.DeepClone() ?? 0,
            ["ContactId"] = contact.Id,
            ["ContactName"] = contact["Name"]?.DeepClone(),
            ["Retired"] = (bool?)p["Retired"] == true ? 1 : 0,
            ["UsePersonAddress"] = p["UsePersonAddress"]?.DeepClone() ?? false,
            ["PersonNumber"] = p["PersonNumber"]?.DeepClone(),
            ["TableRight"] = null,
            ["FieldProperties"] = new JsonObject(),
        });
    }
}
