using System.Globalization;
using SesamTalk.Mapping.Tests.Entities;

namespace SesamTalk.Mapping.Tests;

public class FingerprintTests
{
    private static readonly IEntityMapper<Product> Mapper = Product.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Product2"));

    /// <summary>The sample product as Salesforce answers it: its datetimes as the API's text.</summary>
    private static SyncRecord Remote(Action<SyncRecord>? change = null) => SampleProduct.Record(record =>
    {
        record["LastModifiedDate"] = SyncValue.From("2024-09-10T14:20:17.000+0000");
        record["SystemModstamp"] = SyncValue.From("2024-09-10T14:20:17.000+0000");
        change?.Invoke(record);
    });

    [Fact]
    public void The_host_entity_and_the_remote_record_agree_when_their_shared_values_agree()
    {
        var local = Mapper.ToRecord(new Product { Sku = "W-100", Name = "Widget", Price = 12.50m, Active = true, Family = ProductFamily.Hardware });

        Assert.Equal(Mapper.Fingerprint(Remote(), FieldDirection.Both), Mapper.Fingerprint(local, FieldDirection.Both));
    }

    [Fact]
    public void Fingerprints_ignore_trailing_zeros_offsets_fields_not_mapped_and_empty_versus_null()
    {
        var baseline = Mapper.Fingerprint(Remote(), FieldDirection.FromRemote);

        Assert.Equal(baseline, Mapper.Fingerprint(Remote(r => r["Price__c"] = SyncValue.From("12.500")), FieldDirection.FromRemote));
        Assert.Equal(baseline, Mapper.Fingerprint(Remote(r => r["LastModifiedDate"] = SyncValue.From(new DateTimeOffset(2024, 9, 10, 16, 20, 17, TimeSpan.FromHours(2)))), FieldDirection.FromRemote));
        Assert.Equal(baseline, Mapper.Fingerprint(Remote(r => r["SystemModstamp"] = SyncValue.From("2030-01-01T00:00:00.000+0000")), FieldDirection.FromRemote));

        var withNull = Mapper.Fingerprint(Remote(r => r["Name"] = SyncValue.Null), FieldDirection.Both);
        Assert.Equal(withNull, Mapper.Fingerprint(Remote(r => r["Name"] = SyncValue.From("")), FieldDirection.Both));
        Assert.NotEqual(withNull, Mapper.Fingerprint(Remote(), FieldDirection.Both));
    }

    [Fact]
    public void Each_direction_counts_only_the_fields_that_travel_that_way()
    {
        var laterEdit = Remote(r => r["LastModifiedDate"] = SyncValue.From("2024-09-11T08:00:00.000+0000"));
        Assert.NotEqual(Mapper.Fingerprint(Remote(), FieldDirection.FromRemote), Mapper.Fingerprint(laterEdit, FieldDirection.FromRemote));
        Assert.Equal(Mapper.Fingerprint(Remote(), FieldDirection.ToRemote), Mapper.Fingerprint(laterEdit, FieldDirection.ToRemote));
        Assert.Equal(Mapper.Fingerprint(Remote(), FieldDirection.Both), Mapper.Fingerprint(laterEdit, FieldDirection.Both));

        var renamed = Remote(r => r["DisplayName__c"] = SyncValue.From("other"));
        Assert.NotEqual(Mapper.Fingerprint(Remote(), FieldDirection.ToRemote), Mapper.Fingerprint(renamed, FieldDirection.ToRemote));
        Assert.Equal(Mapper.Fingerprint(Remote(), FieldDirection.FromRemote), Mapper.Fingerprint(renamed, FieldDirection.FromRemote));
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Fingerprints_are_the_same_in_every_culture(string culture)
    {
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => Mapper.Fingerprint(Remote(r => r["Price__c"] = SyncValue.From(-1234.5m)), FieldDirection.Both));

        var local = WithCulture(new CultureInfo(culture), () => Mapper.Fingerprint(Remote(r => r["Price__c"] = SyncValue.From(-1234.5m)), FieldDirection.Both));

        Assert.Equal(invariant, local);
        Assert.Matches("^[0-9a-f]{32}$", local);
    }

    [Fact]
    public void Child_records_count_as_a_set()
    {
        var mapper = Order.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Order"));
        var first = new SyncRecord("OrderItem") { ["Product2Id"] = SyncValue.From("a"), ["Quantity"] = SyncValue.From(1) };
        var second = new SyncRecord("OrderItem") { ["Product2Id"] = SyncValue.From("b"), ["Quantity"] = SyncValue.From(2) };
        SyncRecord OrderWith(params SyncRecord[] lines) => new("Order") { ["OrderNumber"] = SyncValue.From("SO-1"), ["OrderItems"] = SyncValue.From(lines) };

        Assert.Equal(mapper.Fingerprint(OrderWith(first, second), FieldDirection.Both), mapper.Fingerprint(OrderWith(second, first), FieldDirection.Both));
        Assert.NotEqual(mapper.Fingerprint(OrderWith(first, second), FieldDirection.Both), mapper.Fingerprint(OrderWith(first), FieldDirection.Both));
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
