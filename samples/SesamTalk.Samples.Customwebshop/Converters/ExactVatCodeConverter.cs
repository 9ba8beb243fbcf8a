using System.Globalization;

namespace SesamTalk.Samples.Customwebshop.Converters;

/// <summary>
/// The webshop's VAT percentage (21) versus Exact Online's VAT code (<c>VATCode</c>, <c>SalesVatCode</c>). Each Exact
/// division defines its codes in <c>vat/VATCodes</c>; these are the demo division's (a Dutch one). Exact answers
/// codes space-padded, so they are trimmed on read.
/// </summary>
public sealed class ExactVatCodeConverter : ISyncValueConverter<decimal, string?>
{
    private static readonly (string Code, decimal Percent)[] Codes = [("0", 0m), ("1", 21m), ("2", 9m)];

    /// <inheritdoc />
    public string? ToRemote(decimal value)
    {
        foreach (var (code, percent) in Codes)
        {
            if (percent == value)
            {
                return code;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "No Exact Online VAT code has this percentage.");
    }

    /// <inheritdoc />
    public decimal ToLocal(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return 0m;
        }

        foreach (var (code, percent) in Codes)
        {
            if (code == trimmed)
            {
                return percent;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"Exact Online VAT code '{trimmed}' is not one of the division's codes."));
    }
}
