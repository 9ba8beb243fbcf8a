namespace SesamTalk.Samples.Customwebshop.Converters;

/// <summary>
/// The countries the webshop sells to: ISO 3166-1 alpha-2 code (the webshop's and Exact Online's form) and numeric
/// code (SuperOffice's <c>Country.CountryId</c>: 578 is Norway, 826 the United Kingdom).
/// </summary>
internal static class CountryCodes
{
    private static readonly (string Alpha2, int Numeric)[] Countries =
    [
        ("BE", 56), ("DE", 276), ("DK", 208), ("FI", 246), ("FR", 250), ("GB", 826),
        ("NL", 528), ("NO", 578), ("SE", 752), ("US", 840),
    ];

    public static int? Numeric(string alpha2)
    {
        foreach (var (code, numeric) in Countries)
        {
            if (string.Equals(code, alpha2, StringComparison.OrdinalIgnoreCase))
            {
                return numeric;
            }
        }

        return null;
    }

    public static string? Alpha2(int numeric)
    {
        foreach (var (code, id) in Countries)
        {
            if (id == numeric)
            {
                return code;
            }
        }

        return null;
    }
}
