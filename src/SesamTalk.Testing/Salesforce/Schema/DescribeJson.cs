using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Salesforce.Schema;

/// <summary>
/// The describe shapes of an sObject: the summary that describe-global lists and basic information wraps in
/// <c>objectDescribe</c>, and the full describe with <c>fields</c> (each with <c>picklistValues</c>) and
/// <c>childRelationships</c>. Member names and shapes follow the recorded restforce fixtures
/// (<c>describe_sobjects_success_response.json</c>, <c>sobject_describe_success_response.json</c>).
/// </summary>
internal static class DescribeJson
{
    /// <summary>What describe-global lists per object, and basic information's <c>objectDescribe</c>.</summary>
    public static JsonObject Summary(SObjectSchema schema, string dataPath)
    {
        var sobject = $"{dataPath}/sobjects/{schema.Name}";
        return new JsonObject
        {
            ["name"] = schema.Name,
            ["label"] = ApiLabel.Of(schema.Name),
            ["labelPlural"] = ApiLabel.Plural(schema.Name),
            ["custom"] = schema.Custom,
            ["customSetting"] = false,
            ["keyPrefix"] = schema.KeyPrefix,
            ["createable"] = schema.Createable,
            ["updateable"] = schema.Updateable,
            ["deletable"] = schema.Deletable,
            ["undeletable"] = schema.Deletable,
            ["queryable"] = true,
            ["retrieveable"] = true,
            ["replicateable"] = true,
            ["searchable"] = true,
            ["deprecatedAndHidden"] = false,
            ["urls"] = new JsonObject
            {
                ["sobject"] = sobject,
                ["describe"] = sobject + "/describe",
                ["rowTemplate"] = sobject + "/{ID}",
            },
        };
    }

    /// <summary>The full describe: the summary, then the fields in describe order and the child relationships.</summary>
    public static JsonObject Full(SObjectSchema schema, SchemaCatalog catalog, string dataPath)
    {
        var json = Summary(schema, dataPath);
        json["fields"] = new JsonArray([.. schema.Fields.Select(f => (JsonNode)Field(f))]);
        json["childRelationships"] = new JsonArray([.. ChildRelationships(schema, catalog)]);
        return json;
    }

    private static JsonObject Field(FieldSchema field)
    {
        var source = field.Source;
        var isPicklist = field.Type is FieldType.Picklist or FieldType.Multipicklist;
        return new JsonObject
        {
            ["name"] = field.Name,
            ["label"] = ApiLabel.Of(field.Name),
            ["type"] = field.Type.ToDescribeName(),
            ["soapType"] = SoapType(field.Type),
            ["length"] = source.Length ?? (field.Type.IsId() ? 18 : 0),
            ["custom"] = field.Custom,
            ["createable"] = source.Createable,
            ["updateable"] = source.Updateable,
            ["nillable"] = source.Nillable,
            ["defaultedOnCreate"] = source.DefaultedOnCreate,
            ["defaultValue"] = field.Type == FieldType.Boolean ? source.DefaultValue == "true" : isPicklist ? null : source.DefaultValue,
            ["idLookup"] = source.IdLookup,
            ["externalId"] = source.ExternalId,
            ["unique"] = source.Unique,
            ["autoNumber"] = source.AutoNumber,
            ["filterable"] = source.Filterable,
            ["restrictedPicklist"] = source.RestrictedPicklist,
            ["picklistValues"] = new JsonArray([.. source.PicklistValues.Select(v => (JsonNode)new JsonObject
            {
                ["active"] = v.Active,
                ["defaultValue"] = v.DefaultValue,
                ["label"] = v.Label,
                ["validFor"] = null,
                ["value"] = v.Value,
            })]),
            ["referenceTo"] = new JsonArray([.. source.ReferenceTo.Select(t => (JsonNode)t)]),
            ["relationshipName"] = field.RelationshipName,
            ["deprecatedAndHidden"] = false,
        };
    }

    /// <summary>
    /// The reference fields of other objects that point at <paramref name="schema"/>. The catalog has no child
    /// relationship names, so <c>relationshipName</c> is null (as it is for some real child relationships).
    /// </summary>
    private static IEnumerable<JsonNode> ChildRelationships(SObjectSchema schema, SchemaCatalog catalog) =>
        from child in catalog.All
        from field in child.Fields
        where field.Type == FieldType.Reference && field.Source.ReferenceTo.Contains(schema.Name, StringComparer.OrdinalIgnoreCase)
        select (JsonNode)new JsonObject
        {
            ["cascadeDelete"] = false,
            ["childSObject"] = child.Name,
            ["deprecatedAndHidden"] = false,
            ["field"] = field.Name,
            ["relationshipName"] = null,
            ["restrictedDelete"] = false,
        };

    private static string SoapType(FieldType type) => type switch
    {
        FieldType.Id or FieldType.Reference => "tns:ID",
        FieldType.Boolean => "xsd:boolean",
        FieldType.Int => "xsd:int",
        FieldType.Long => "xsd:long",
        FieldType.Time => "xsd:time",
        FieldType.Base64 => "xsd:base64Binary",
        FieldType.Location => "urn:location",
        FieldType.Double or FieldType.Currency or FieldType.Percent => "xsd:double",
        FieldType.Date => "xsd:date",
        FieldType.Datetime => "xsd:dateTime",
        FieldType.Address => "urn:address",
        _ => "xsd:string",
    };
}
