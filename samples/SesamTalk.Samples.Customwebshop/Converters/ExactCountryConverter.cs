namespace SesamTalk.Samples.Customwebshop.Converters;

/// <summary>
/// The webshop keeps ISO country codes upper case and empty ones as null. (Exact Online answers them space-padded,
/// <c>"NL "</c>; its connector already reads them trimmed.)
/// </summary>
public sealed class ExactCountryConverter : ISyncValueConverter<string?, string?>
{
    /// <inheritdoc />
    public string? ToRemote(string? value) => Normalise(value);

    /// <inheritdoc />
    public string? ToLocal(string? value) => Normalise(value);

    private static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
}
