using System.Globalization;
using SesamTalk.Testing.Catalogs;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>
/// Account codes are fixed-width: 18 characters, right-aligned with leading spaces (<c>"                 8"</c>),
/// so a filter must match the padding or use <c>trim(Code)</c>. Omitted codes are the highest numeric code + 1.
/// </summary>
internal static class AccountCode
{
    private const int Width = 18;

    public static bool IsCode(EntitySchema schema, CatalogField field) => schema.Name == "Accounts" && field.Name == "Code";

    public static string Pad(string code) => code.Trim().PadLeft(Width);

    public static string Next(IEnumerable<EntityRecord> accounts)
    {
        var highest = accounts.Select(a => long.TryParse(((string?)a["Code"])?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return Pad((highest + 1).ToString(CultureInfo.InvariantCulture));
    }
}
