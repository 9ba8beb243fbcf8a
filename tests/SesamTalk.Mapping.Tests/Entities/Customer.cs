using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Mapping.Tests.Entities;

[SyncsWith("Salesforce", "Account")]
public partial class Customer
{
    [SyncId]
    public int Id { get; set; }

    [MaxLength(255)]
    public string Name { get; set; } = "";

    [Field("Salesforce", "Discount__c", Converter = typeof(PercentToFractionConverter))]
    public decimal DiscountPercent { get; set; }
}

/// <summary>The host keeps 12.5 (percent); the remote field keeps 0.125 (fraction); a percentage outside 0-100 is refused.</summary>
public sealed class PercentToFractionConverter : ISyncValueConverter<decimal, decimal?>
{
    public decimal? ToRemote(decimal value) => value is >= 0m and <= 100m
        ? value / 100m
        : throw new ArgumentOutOfRangeException(nameof(value), value, "A discount is a percentage from 0 to 100.");

    public decimal ToLocal(decimal? value) => (value ?? 0m) * 100m;
}
