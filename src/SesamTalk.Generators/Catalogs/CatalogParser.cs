using System;
using System.Collections.Generic;
using System.Linq;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Catalogs;

/// <summary>Reads a catalog file (docs/catalogs.md) into an equatable <see cref="CatalogModel"/>.</summary>
internal static class CatalogParser
{
    private static readonly string[] NotFilterableTypes = { "textarea", "address", "location", "base64" };

    /// <summary>The catalog, or a message saying what is wrong with the file.</summary>
    /// <param name="path">The file, for the result.</param>
    /// <param name="text">The JSON.</param>
    /// <param name="isHost">Whether the host wrote the catalog (AdditionalFiles) rather than SesamTalk (the standard catalogs).</param>
    public static CatalogParseResult Parse(string path, string text, bool isHost)
    {
        try
        {
            var root = AsObject(JsonReader.Parse(text), "the document");
            var system = RequiredString(root, "system", "the document");
            var systemFields = Array(root, "systemFields").Select((f, i) => Field(AsObject(f, "systemFields[" + i + "]"), isHost)).ToList();
            var objects = Array(root, "objects")
                .Select((o, i) => Object(AsObject(o, "objects[" + i + "]"), systemFields, isHost))
                .ToEquatableArray();
            return new CatalogParseResult(path, new CatalogModel(system, objects), null);
        }
        catch (FormatException error)
        {
            return new CatalogParseResult(path, null, error.Message);
        }
    }

    private static CatalogObject Object(Dictionary<string, object?> node, IReadOnlyList<CatalogField> systemFields, bool isHost)
    {
        var name = RequiredString(node, "name", "an object");
        var omitted = new HashSet<string>(Array(node, "omitSystemFields").OfType<string>(), StringComparer.OrdinalIgnoreCase);
        var own = Array(node, "fields").Select((f, i) => Field(AsObject(f, name + ".fields[" + i + "]"), isHost)).ToList();
        var fields = systemFields.Where(f => !omitted.Contains(f.Name) && own.All(o => !string.Equals(o.Name, f.Name, StringComparison.OrdinalIgnoreCase)))
            .Concat(own)
            .ToEquatableArray();
        return new CatalogObject(name, Flag(node, "createable", true), Flag(node, "updateable", true), Flag(node, "deletable", true), fields);
    }

    private static CatalogField Field(Dictionary<string, object?> node, bool isHost)
    {
        var name = RequiredString(node, "name", "a field");
        var type = RequiredString(node, "type", "field '" + name + "'");
        if (!CatalogTypes.Known.Contains(type))
        {
            throw new FormatException("field '" + name + "' has type '" + type + "', which is none of " + string.Join(", ", CatalogTypes.Known));
        }

        return new CatalogField(
            name,
            type,
            node.TryGetValue("length", out var length) && length is double number ? (int)number : null,
            Flag(node, "key", false),
            Flag(node, "createable", false),
            Flag(node, "updateable", false),
            Flag(node, "nillable", true),
            Flag(node, "defaultedOnCreate", false),
            Flag(node, "filterable", !NotFilterableTypes.Contains(type)),
            Array(node, "referenceTo").OfType<string>().ToEquatableArray(),
            StatesWriteFlags: !isHost || node.ContainsKey("createable") || node.ContainsKey("updateable"));
    }

    private static Dictionary<string, object?> AsObject(object? value, string what) =>
        value as Dictionary<string, object?> ?? throw new FormatException(what + " must be a JSON object");

    private static IEnumerable<object?> Array(Dictionary<string, object?> node, string name) =>
        node.TryGetValue(name, out var value) && value is List<object?> list ? list : Enumerable.Empty<object?>();

    private static string RequiredString(Dictionary<string, object?> node, string name, string what) =>
        node.TryGetValue(name, out var value) && value is string text && text.Length > 0
            ? text
            : throw new FormatException(what + " needs a non-empty \"" + name + "\"");

    private static bool Flag(Dictionary<string, object?> node, string name, bool fallback) =>
        node.TryGetValue(name, out var value) && value is bool flag ? flag : fallback;
}

/// <summary>A parsed catalog file: the model, or the error that kept it from loading.</summary>
internal sealed record CatalogParseResult(string Path, CatalogModel? Model, string? Error);
