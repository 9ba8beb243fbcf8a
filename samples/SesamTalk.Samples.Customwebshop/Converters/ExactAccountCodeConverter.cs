namespace SesamTalk.Samples.Customwebshop.Converters;

/// <summary>
/// Exact Online's account code: Exact right-aligns it in 18 characters (<c>"             10001"</c>); the webshop keeps
/// the customer number as typed.
/// </summary>
public sealed class ExactAccountCodeConverter : ISyncValueConverter<string, string?>
{
    /// <inheritdoc />
    public string? ToRemote(string value) => value.Trim();

    /// <inheritdoc />
    public string ToLocal(string? value) => value?.Trim() ?? "";
}
