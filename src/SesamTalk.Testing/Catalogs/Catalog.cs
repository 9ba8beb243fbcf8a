using System.Text.Json;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Catalogs;

/// <summary>
/// A field catalog in the shared format (<c>docs/catalogs.md</c>), read from a resource embedded in this assembly or
/// from JSON text a host or test supplies. System-agnostic: each emulator turns the objects into its own schema types.
/// </summary>
internal sealed class Catalog
{
    private Catalog(string system, IReadOnlyList<CatalogField> systemFields, IReadOnlyList<CatalogObject> objects)
    {
        System = system;
        SystemFields = systemFields;
        Objects = objects;
    }

    /// <summary>The system name, e.g. "Salesforce" or "ExactOnline".</summary>
    public string System { get; }

    /// <summary>Fields every object has unless it omits them.</summary>
    public IReadOnlyList<CatalogField> SystemFields { get; }

    /// <summary>The record types in catalog order.</summary>
    public IReadOnlyList<CatalogObject> Objects { get; }

    /// <summary>
    /// Loads the embedded catalog <c>SesamTalk.Testing.Catalogs.{system}.catalog.json</c>, checking that its
    /// <c>system</c> member names <paramref name="system"/> (case-insensitively).
    /// </summary>
    public static Catalog LoadEmbedded(string system)
    {
        var resource = $"SesamTalk.Testing.Catalogs.{system}.catalog.json";
        using var stream = typeof(Catalog).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        var catalog = Parse(reader.ReadToEnd());
        return string.Equals(catalog.System, system, StringComparison.OrdinalIgnoreCase)
            ? catalog
            : throw new InvalidDataException($"Embedded resource {resource} is not the {system} catalog.");
    }

    /// <summary>Reads catalog JSON text; a malformed catalog throws <see cref="InvalidDataException"/> naming the problem.</summary>
    public static Catalog Parse(string json)
    {
        try
        {
            var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("The catalog is empty.");
            return new Catalog(
                Required<string>(root, "system", "root"),
                [.. Array(root["systemFields"]).Select(f => ReadField(f!.AsObject()))],
                [.. Array(root["objects"]).Select(o => ReadObject(o!.AsObject()))]);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException("The catalog is not valid: " + e.Message, e);
        }
    }

    /// <summary>The system fields <paramref name="entity"/> has (all but those it omits), in catalog order.</summary>
    public IEnumerable<CatalogField> SystemFieldsOf(CatalogObject entity) =>
        SystemFields.Where(f => !entity.OmitSystemFields.Contains(f.Name, StringComparer.Ordinal));

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
            [.. Array(node["fields"]).Select(f => ReadField(f!.AsObject()))]);
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
            // The format: filterable unless stated otherwise, except textarea fields.
            (bool?)node["filterable"] ?? type != "textarea",
            Flag(node, "autoNumber"),
            Strings(node["referenceTo"]),
            Strings(node["concatenationOf"]),
            (string?)node["defaultValue"],
            [.. Array(node["picklistValues"]).Select(v => ReadPicklistValue(v!.AsObject(), name))],
            Flag(node, "restrictedPicklist"));
    }

    private static CatalogPicklistValue ReadPicklistValue(JsonObject node, string field)
    {
        var value = Required<string>(node, "value", $"{field} picklist value");
        return new CatalogPicklistValue(value, (string?)node["label"] ?? value, (bool?)node["active"] ?? true, Flag(node, "defaultValue"));
    }

    private static T Required<T>(JsonObject node, string member, string owner) =>
        node[member] is { } value ? value.GetValue<T>() : throw new InvalidDataException($"Catalog entry {owner} has no '{member}'.");

    private static bool Flag(JsonObject node, string name) => (bool?)node[name] ?? false;

    private static JsonArray Array(JsonNode? node) => node as JsonArray ?? [];

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(v => (string)v!)] : [];
}
