namespace SesamTalk.Mapping.Tests;

/// <summary>A Product2 record with every kind of value the product mapper reads, as the fingerprint tests pin it.</summary>
internal static class SampleProduct
{
    public static SyncRecord Record(Action<SyncRecord>? change = null)
    {
        var record = new SyncRecord("Product2", "01t5g000001AbCdAAK")
        {
            ["ProductCode"] = SyncValue.From("W-100"),
            ["Name"] = SyncValue.From("Widget"),
            ["Price__c"] = SyncValue.From(12.5m),
            ["IsActive"] = SyncValue.From(true),
            ["Family"] = SyncValue.From("Hardware & Tools"),
            ["DisplayName__c"] = SyncValue.From("W-100 Widget"),
            ["LastModifiedDate"] = SyncValue.From(new DateTimeOffset(2024, 9, 10, 14, 20, 17, 123, TimeSpan.Zero)),
        };
        change?.Invoke(record);
        return record;
    }
}
