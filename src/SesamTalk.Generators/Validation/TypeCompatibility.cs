using System.Linq;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Validation;

/// <summary>Which catalog field types a carried property kind fits (the table in docs/catalogs.md).</summary>
internal static class TypeCompatibility
{
    private static readonly string[] Ids = { "id", "reference", "guid" };
    private static readonly string[] Text = { "string", "textarea", "email", "phone", "url", "encryptedstring", "combobox", "picklist", "multipicklist", "time", "id", "reference", "guid" };
    private static readonly string[] Picklists = { "picklist", "multipicklist", "combobox", "string" };
    private static readonly string[] Numbers = { "int", "long", "double", "decimal", "currency", "percent" };
    private static readonly string[] Dates = { "date", "datetime" };

    private static readonly string[] Known = Text.Concat(Numbers).Concat(Dates).Concat(new[] { "boolean", "address", "location", "base64" }).ToArray();

    /// <summary>Whether a value of <paramref name="kind"/> can be written to and read from a field of <paramref name="fieldType"/>.</summary>
    public static bool Fits(PropertyKind kind, bool isReference, string fieldType)
    {
        if (!Known.Contains(fieldType))
        {
            return true; // a type this version does not know: the catalog is the host's, trust it
        }

        if (isReference)
        {
            return Ids.Contains(fieldType) || Text.Contains(fieldType) || fieldType is "int" or "long";
        }

        return kind switch
        {
            PropertyKind.String => Text.Contains(fieldType),
            PropertyKind.Guid => Text.Contains(fieldType),
            PropertyKind.Enum => Picklists.Contains(fieldType),
            PropertyKind.Boolean => fieldType == "boolean",
            PropertyKind.DateTimeOffset or PropertyKind.DateTime or PropertyKind.DateOnly => Dates.Contains(fieldType),
            _ => Numbers.Contains(fieldType),
        };
    }

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

        if (Numbers.Contains(fieldType))
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

        return fieldType is "address" or "location" or "base64" ? "[SyncIgnore] (the field is not carried)" : "string";
    }

    /// <summary>Whether the field holds text whose length the API enforces.</summary>
    public static bool IsLimitedText(string fieldType) => Text.Contains(fieldType) && !Ids.Contains(fieldType);
}
