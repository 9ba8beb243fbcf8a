using System.Linq;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Validation;

/// <summary>Which catalog field types a carried property kind fits (the table in docs/catalogs.md, rows in <see cref="CarriedKinds"/>).</summary>
internal static class TypeCompatibility
{
    /// <summary>Whether a value of <paramref name="kind"/> can be written to and read from a field of <paramref name="fieldType"/>.</summary>
    public static bool Fits(PropertyKind kind, bool isReference, string fieldType) =>
        isReference
            ? CatalogTypes.Text.Contains(fieldType) || fieldType is "int" or "long"
            : CarriedKinds.Of(kind).Fits.Contains(fieldType);

    /// <summary>The property types that would fit <paramref name="fieldType"/>, for the message.</summary>
    public static string Suggestion(string fieldType)
    {
        if (fieldType is "picklist" or "multipicklist")
        {
            return "string or an enum";
        }

        if (fieldType == "boolean")
        {
            return "bool";
        }

        if (CatalogTypes.Numbers.Contains(fieldType))
        {
            return "decimal, double, int or long";
        }

        if (fieldType == "date")
        {
            return "DateOnly";
        }

        if (fieldType == "datetime")
        {
            return "DateTimeOffset";
        }

        if (CatalogTypes.Children.Contains(fieldType))
        {
            return "a collection with [SyncChildren]";
        }

        return CatalogTypes.NotCarried.Contains(fieldType) ? "[SyncIgnore] (the field is not carried)" : "string";
    }

    /// <summary>Whether the field holds text whose length the API enforces.</summary>
    public static bool IsLimitedText(string fieldType) => CatalogTypes.Text.Contains(fieldType) && !CatalogTypes.Ids.Contains(fieldType);
}
