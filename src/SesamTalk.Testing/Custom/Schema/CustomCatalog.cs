using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Catalogs;

namespace SesamTalk.Testing.Custom.Schema;

/// <summary>
/// The record types of one custom system, from catalog JSON text a host or test supplies (format in
/// <c>docs/catalogs.md</c>), in the shared <see cref="CatalogObject"/>/<see cref="CatalogField"/> model. The shared
/// <see cref="Catalogs.Catalog"/> reads only embedded catalogs, so this reads text with the same rules. Key fields
/// (<c>"key": true</c>) are the record's envelope <c>id</c>, not a field.
/// </summary>
internal sealed class CustomCatalog
{
    private readonly Dictionary<string, CatalogType> _types;

    private CustomCatalog(IEnumerable<CatalogType> types) =>
        _types = types.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The type of this name (compared case-insensitively), or null.</summary>
    public CatalogType? Find(string name) => _types.GetValueOrDefault(name);

    /// <summary>Reads catalog JSON text; a malformed catalog throws <see cref="InvalidDataException"/> naming the problem.</summary>
    public static CustomCatalog Parse(string json)
    {
        try
        {
            var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("The catalog is empty.");
            Required<string>(root, "system", "root");
            var systemFields = Items(root["systemFields"]).Select(ReadField).ToList();
            return new CustomCatalog(Items(root["objects"]).Select(o => Merge(ReadObject(o), systemFields)));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException("The catalog is not valid: " + e.Message, e);
        }
    }

    private static CatalogType Merge(CatalogObject entity, List<CatalogField> systemFields)
    {
        var fields = systemFields.Where(f => !entity.OmitSystemFields.Contains(f.Name, StringComparer.Ordinal)).Concat(entity.Fields);
        return new CatalogType(entity, fields.Where(f => !f.Key).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase));
    }

    private static CatalogObject ReadObject(JsonObject node)
    {
        var name = Required<string>(node, "name", "object");
        return new CatalogObject(
            name,
            (string?)node["keyPrefix"],
            Required<bool>(node, "createable", name),
            Required<bool>(node, "updateable", name),
            Required<bool>(node, "deletable", name),
            Strings(node["omitSystemFields"]),
            [.. Items(node["fields"]).Select(ReadField)]);
    }

    private static CatalogField ReadField(JsonObject node)
    {
        var name = Required<string>(node, "name", "field");
        var type = Required<string>(node, "type", name);
        return new CatalogField(
            name,
            type,
            (int?)node["length"],
            Flag(node, "key"),
            Required<bool>(node, "createable", name),
            Required<bool>(node, "updateable", name),
            Required<bool>(node, "nillable", name),
            Required<bool>(node, "defaultedOnCreate", name),
            Flag(node, "idLookup"),
            Flag(node, "externalId"),
            Flag(node, "unique"),
            (bool?)node["filterable"] ?? type != "textarea",
            Flag(node, "autoNumber"),
            Strings(node["referenceTo"]),
            Strings(node["concatenationOf"]),
            (string?)node["defaultValue"]);
    }

    private static T Required<T>(JsonObject node, string member, string owner) =>
        node[member] is { } value ? value.GetValue<T>() : throw new InvalidDataException($"Catalog entry {owner} has no '{member}'.");

    private static bool Flag(JsonObject node, string name) => (bool?)node[name] ?? false;

    private static IEnumerable<JsonObject> Items(JsonNode? node) =>
        node is JsonArray array ? array.Select(v => v!.AsObject()) : [];

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(v => (string)v!)] : [];
}

/// <summary>One record type of a <see cref="CustomCatalog"/>: the object and its fields (system fields merged in, keys left out) by name.</summary>
internal sealed record CatalogType(CatalogObject Object, IReadOnlyDictionary<string, CatalogField> Fields)
{
    public string Name => Object.Name;
}
