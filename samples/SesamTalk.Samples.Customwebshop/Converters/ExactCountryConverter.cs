namespace SesamTalk.Samples.Customwebshop.Converters;

/// <summary>
/// Exact Online answers its ISO country code space-padded (<c>"NL "</c>); the webshop keeps it trimmed and upper case,
/// so reading a padded code back is no change.
/// </summary>
public sealed class ExactCountryConverter : ISyncValueConverter<string?, string?>
{
    /// <inheritdoc />
    public string? ToRemote(string? value) => Normalise(value);

    /// <inheritdoc />
    public string? ToLocal(string? value) => Normalise(value);

    private static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
}
