using System.Linq;

namespace SesamTalk.Generators.Model;

/// <summary>The catalog field types this version knows (docs/catalogs.md), in the groups the type checks use.</summary>
internal static class CatalogTypes
{
    public static readonly string[] Ids = { "id", "reference", "guid" };
    public static readonly string[] Text = { "string", "textarea", "email", "phone", "url", "encryptedstring", "combobox", "picklist", "multipicklist", "time", "id", "reference", "guid" };
    public static readonly string[] Picklists = { "picklist", "multipicklist", "combobox", "string" };
    public static readonly string[] Numbers = { "int", "long", "double", "decimal", "currency", "percent" };
    public static readonly string[] Dates = { "date", "datetime" };
    public static readonly string[] Boolean = { "boolean" };

    /// <summary>Types no carried kind fits: a property mapped to one needs [SyncIgnore].</summary>
    public static readonly string[] NotCarried = { "address", "location", "base64" };

    /// <summary>Child records carried in a field of their parent (order lines): a [SyncChildren] collection, never a scalar.</summary>
    public static readonly string[] Children = { "records" };

    /// <summary>Every type a catalog may give a field; another one is a catalog error (SESAM210).</summary>
    public static readonly string[] Known = Text.Concat(Numbers).Concat(Dates).Concat(Boolean).Concat(NotCarried).Concat(Children).Distinct().ToArray();
}
