namespace SesamTalk.Samples.Customwebshop.Converters;

/// <summary>
/// The webshop's ISO 3166-1 alpha-2 country code versus SuperOffice's country list id (ISO 3166-1 numeric: "NO" is 578).
/// Empty stays empty; a country outside the list is a mapping error, never a silent blank.
/// </summary>
public sealed class SuperOfficeCountryConverter : ISyncValueConverter<string?, int?>
{
    /// <inheritdoc />
    public int? ToRemote(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : CountryCodes.Numeric(value.Trim()) ?? throw new ArgumentOutOfRangeException(nameof(value), value, "The country code has no SuperOffice country id.");

    /// <inheritdoc />
    public string? ToLocal(int? value) =>
        value is null or 0 ? null
        : CountryCodes.Alpha2(value.Value) ?? throw new ArgumentOutOfRangeException(nameof(value), value, "The SuperOffice country id has no ISO country code.");
}
