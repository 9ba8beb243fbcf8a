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

    /// <summary>
    /// Loads the embedded catalog of <paramref name="system"/> extended by <paramref name="extra"/> (catalog JSON texts, in
    /// order), as an emulator's <c>Catalogs</c> option gives them; errors name the option's entry, e.g. <c>Catalogs[1]</c>.
    /// </summary>
    /// <exception cref="InvalidDataException">An extra catalog is malformed or of another system.</exception>
    public static Catalog LoadExtended(string system, IEnumerable<string> extra, string option)
    {
        var catalog = LoadEmbedded(system);
        var index = 0;
        foreach (var json in extra)
        {
            try
            {
                catalog = catalog.Extend(Parse(json));
            }
            catch (InvalidDataException error)
            {
                throw new InvalidDataException($"{option}[{index}]: {error.Message}", error);
            }

            index++;
        }

        return catalog;
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

    /// <summary>
    /// The system fields <paramref name="entity"/> has (all but those it omits, and those it lists among its own
    /// fields, as an exported catalog does), in catalog order.
    /// </summary>
    public IEnumerable<CatalogField> SystemFieldsOf(CatalogObject entity) =>
        SystemFields.Where(f => !entity.OmitSystemFields.Contains(f.Name, StringComparer.Ordinal)
            && !entity.Fields.Any(own => string.Equals(own.Name, f.Name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// This catalog extended by <paramref name="extra"/>, a host's catalog of the same system (<c>docs/catalogs.md</c>):
    /// an object of the same name keeps its fields and gains the extra ones (a field of the same name is replaced where it
    /// stands), and the extra object's <c>createable</c>/<c>updateable</c>/<c>deletable</c> win; other objects and
    /// system fields are added.
    /// </summary>
    /// <exception cref="InvalidDataException">The extra catalog is of another system.</exception>
    public Catalog Extend(Catalog extra)
    {
        if (!string.Equals(extra.System, System, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The catalog is of {extra.System}, not {System}.");
        }

        var objects = Objects.ToList();
        foreach (var entity in extra.Objects)
        {
            var index = objects.FindIndex(o => string.Equals(o.Name, entity.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                objects.Add(entity);
                continue;
            }

            var standard = objects[index];
            objects[index] = entity with
            {
                Name = standard.Name,
                KeyPrefix = entity.KeyPrefix ?? standard.KeyPrefix,
                OmitSystemFields = [.. standard.OmitSystemFields.Union(entity.OmitSystemFields, StringComparer.Ordinal)],
                Fields = Merge(standard.Fields, entity.Fields),
            };
        }

        return new Catalog(System, Merge(SystemFields, extra.SystemFields), objects);
    }

    /// <summary>The fields of <paramref name="first"/>, each replaced by a field of the same name in <paramref name="then"/>, then the rest of <paramref name="then"/>.</summary>
    private static List<CatalogField> Merge(IReadOnlyList<CatalogField> first, IReadOnlyList<CatalogField> then)
    {
        var replacements = then.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var merged = first.Select(f => replacements.Remove(f.Name, out var replacement) ? replacement : f).ToList();
        merged.AddRange(then.Where(f => replacements.ContainsKey(f.Name)));
        return merged;
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
