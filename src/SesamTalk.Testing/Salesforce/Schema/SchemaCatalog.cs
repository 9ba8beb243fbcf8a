using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Salesforce.Schema;

/// <summary>
/// The sObject schemas the emulator serves, read from the shared field catalog (<c>catalogs/Salesforce.catalog.json</c>,
/// format in <c>docs/catalogs.md</c>) that the generator checks mappings against. This is the only place that reads it.
/// </summary>
internal sealed class SchemaCatalog
{
    private const string ResourceName = "SesamTalk.Testing.Catalogs.Salesforce.catalog.json";
    private const string SystemName = "Salesforce";
    private readonly Dictionary<string, SObjectSchema> _byName;

    private SchemaCatalog(IEnumerable<SObjectSchema> objects) =>
        _byName = objects.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Loads the embedded catalog, leaving out the object types in <paramref name="disabled"/>.</summary>
    public static SchemaCatalog Load(IEnumerable<string> disabled)
    {
        using var stream = typeof(SchemaCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var root = JsonNode.Parse(stream)!.AsObject();
        if (!string.Equals((string?)root["system"], SystemName, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Embedded resource {ResourceName} is not the {SystemName} catalog.");
        }

        var systemFields = Array(root["systemFields"]).Select(f => ReadField(f!.AsObject())).ToList();
        var off = new HashSet<string>(disabled, StringComparer.OrdinalIgnoreCase);
        var objects = Array(root["objects"]).Select(o => ReadObject(o!.AsObject(), systemFields))
            .Where(o => !off.Contains(o.Name));
        return new SchemaCatalog(objects);
    }

    public SObjectSchema? Find(string name) => _byName.GetValueOrDefault(name);

    private static SObjectSchema ReadObject(JsonObject node, List<FieldSchema> systemFields)
    {
        var name = (string)node["name"]!;
        var omitted = Strings(node["omitSystemFields"]);
        var system = systemFields.Where(f => !omitted.Contains(f.Name, StringComparer.Ordinal)).ToList();
        var own = Array(node["fields"]).Select(f => ReadField(f!.AsObject()));
        // Describe order: Id and IsDeleted first, then the object's fields, then the audit fields.
        var leading = system.Where(f => f.Name is "Id" or "IsDeleted");
        var trailing = system.Where(f => f.Name is not ("Id" or "IsDeleted"));
        return new SObjectSchema(
            name,
            (string?)node["keyPrefix"] ?? throw new InvalidDataException($"Salesforce catalog object {name} has no keyPrefix."),
            (bool)node["createable"]!,
            (bool)node["updateable"]!,
            (bool)node["deletable"]!,
            [.. leading, .. own, .. trailing]);
    }

    private static FieldSchema ReadField(JsonObject node)
    {
        var type = FieldTypeExtensions.Parse((string)node["type"]!);
        return new(
            (string)node["name"]!,
            type,
            (int?)node["length"],
            (bool)node["createable"]!,
            (bool)node["updateable"]!,
            (bool)node["nillable"]!,
            (bool)node["defaultedOnCreate"]!,
            Flag(node, "idLookup"),
            Flag(node, "externalId"),
            Flag(node, "unique"),
            // The catalog format: filterable unless stated otherwise, except textarea fields.
            (bool?)node["filterable"] ?? type != FieldType.Textarea,
            Flag(node, "autoNumber"),
            Strings(node["referenceTo"]),
            Strings(node["concatenationOf"]),
            (string?)node["defaultValue"]);
    }

    private static bool Flag(JsonObject node, string name) => (bool?)node[name] ?? false;

    private static JsonArray Array(JsonNode? node) => node as JsonArray ?? [];

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(v => (string)v!)] : [];
}
