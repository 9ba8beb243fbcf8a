using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>Writes records as REST returns them: an <c>attributes</c> object first, then the fields.</summary>
internal static class RecordJson
{
    public static JsonObject Attributes(SObjectSchema schema, string id, string dataPath) => new()
    {
        ["type"] = schema.Name,
        ["url"] = $"{dataPath}/sobjects/{schema.Name}/{id}",
    };

    /// <summary>A full record (GET without <c>fields</c>): every field, nulls included.</summary>
    public static JsonObject Full(SObjectRecord record, string dataPath)
    {
        var json = new JsonObject { ["attributes"] = Attributes(record.Schema, record.Id, dataPath) };
        foreach (var (name, value) in record.Values)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    /// <summary>Only the named fields (already checked against the schema), in the order asked for.</summary>
    public static JsonObject Select(SObjectRecord record, IEnumerable<FieldSchema> fields, string dataPath)
    {
        var json = new JsonObject { ["attributes"] = Attributes(record.Schema, record.Id, dataPath) };
        foreach (var field in fields)
        {
            json[field.Name] = record[field.Name]?.DeepClone();
        }

        return json;
    }

    /// <summary>Resolves a comma-separated <c>fields</c> parameter; an unknown name fails the request with INVALID_FIELD.</summary>
    public static List<FieldSchema> ParseFieldList(SObjectSchema schema, string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => schema.Field(name) ?? throw Http.ApiException.BadRequest("INVALID_FIELD", NoSuchColumn(name, schema.Name)))];

    /// <summary>The INVALID_FIELD message Salesforce gives for an unknown column in a query or field list.</summary>
    public static string NoSuchColumn(string name, string entity) =>
        $"No such column '{name}' on entity '{entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";
}
