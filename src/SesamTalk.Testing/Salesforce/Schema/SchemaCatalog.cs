using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Salesforce.Schema;

/// <summary>
/// The sObject schemas the emulator serves. This is the only place that reads the schema resource,
/// so replacing its format (e.g. with the connectors' shared field catalogs) touches this file alone.
/// </summary>
internal sealed class SchemaCatalog
{
    private const string ResourceName = "SesamTalk.Testing.Salesforce.salesforce-objects.json";
    private readonly Dictionary<string, SObjectSchema> _byName;

    private SchemaCatalog(IEnumerable<SObjectSchema> objects) =>
        _byName = objects.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Loads the embedded catalog, leaving out the object types in <paramref name="disabled"/>.</summary>
    public static SchemaCatalog Load(IEnumerable<string> disabled)
    {
        using var stream = typeof(SchemaCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var root = JsonNode.Parse(stream)!.AsObject();
        var systemFields = root["systemFields"]!.AsArray().Select(f => ReadField(f!.AsObject())).ToList();
        var off = new HashSet<string>(disabled, StringComparer.OrdinalIgnoreCase);
        var objects = root["objects"]!.AsArray().Select(o => ReadObject(o!.AsObject(), systemFields))
            .Where(o => !off.Contains(o.Name));
        return new SchemaCatalog(objects);
    }

    public SObjectSchema? Find(string name) => _byName.GetValueOrDefault(name);

    private static SObjectSchema ReadObject(JsonObject node, List<FieldSchema> systemFields)
    {
        var omitted = Strings(node["omitSystemFields"]);
        var system = systemFields.Where(f => !omitted.Contains(f.Name, StringComparer.Ordinal)).ToList();
        var own = node["fields"]!.AsArray().Select(f => ReadField(f!.AsObject()));
        // Describe order: Id and IsDeleted first, then the object's fields, then the audit fields.
        var leading = system.Where(f => f.Name is "Id" or "IsDeleted");
        var trailing = system.Where(f => f.Name is not ("Id" or "IsDeleted"));
        return new SObjectSchema(
            (string)node["name"]!,
            (string)node["keyPrefix"]!,
            (bool)node["createable"]!,
            (bool)node["updateable"]!,
            (bool)node["deletable"]!,
            [.. leading, .. own, .. trailing]);
    }

    private static FieldSchema ReadField(JsonObject node) => new(
        (string)node["name"]!,
        FieldTypeExtensions.Parse((string)node["type"]!),
        (int?)node["length"],
        (bool)node["createable"]!,
        (bool)node["updateable"]!,
        (bool)node["nillable"]!,
        (bool)node["defaultedOnCreate"]!,
        Flag(node, "idLookup"),
        Flag(node, "externalId"),
        Flag(node, "unique"),
        Flag(node, "autoNumber"),
        Strings(node["referenceTo"]),
        Strings(node["concatenationOf"]),
        (string?)node["defaultValue"]);

    private static bool Flag(JsonObject node, string name) => (bool?)node[name] ?? false;

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(v => (string)v!)] : [];
}
