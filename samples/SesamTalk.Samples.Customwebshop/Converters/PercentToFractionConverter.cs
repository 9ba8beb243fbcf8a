namespace SesamTalk.Samples.Customwebshop.Converters;

/// <summary>
/// The webshop keeps discounts in percent (12.5); Exact Online keeps them as fractions (0.125) on Accounts,
/// QuotationLines and SalesOrderLines.
/// </summary>
public sealed class PercentToFractionConverter : ISyncValueConverter<decimal, double?>
{
    /// <inheritdoc />
    public double? ToRemote(decimal value) => (double)(value / 100m);

    /// <inheritdoc />
    public decimal ToLocal(double? value) => value is { } fraction ? Math.Round((decimal)fraction * 100m, 4) : 0m;
}
