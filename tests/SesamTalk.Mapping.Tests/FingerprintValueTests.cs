using SesamTalk.Mapping.Tests.Entities;

namespace SesamTalk.Mapping.Tests;

/// <summary>
/// The fingerprint values themselves, pinned: link stores keep them, so a change of the encoding (or of a canonical
/// form) would make every stored link look changed on the next run. These hex strings must never change.
/// </summary>
public class FingerprintValueTests
{
    private static readonly IEntityMapper Products = Entities.Product.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Product2"));
    private static readonly IEntityMapper Items = Entities.Product.SyncDefinition.GetMapper(new SyncTarget("ExactOnline", "Items"));
    private static readonly IEntityMapper Orders = Entities.Order.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Order"));

    private static readonly Dictionary<string, (IEntityMapper Mapper, SyncRecord Record, FieldDirection Direction, string Expected)> Cases = new()
    {
        ["typed, both"] = (Products, SampleProduct.Record(), FieldDirection.Both, "8a988d71fd7b57be261c5d7ecbc8e977"),
        ["typed, to remote"] = (Products, SampleProduct.Record(), FieldDirection.ToRemote, "4c6d2e7d65e019b1788c27f5702817bc"),
        ["typed, from remote"] = (Products, SampleProduct.Record(), FieldDirection.FromRemote, "eda1f3ea5a14caaf39cb793d9fe099b4"),
        ["non-ASCII, empty and null text"] = (Products, SampleProduct.Record(r =>
        {
            r["Name"] = SyncValue.From("Søren's Æble – 日本語 😀 İı ß");
            r["ProductCode"] = SyncValue.From("");
            r["Family"] = SyncValue.Null;
            r["DisplayName__c"] = SyncValue.From("\u00e9\u0301 e\u0301 \"quoted\" \t tab\r\nline");
        }), FieldDirection.ToRemote, "50889e8aaa6ecce289a85f55a6402ac5"),
        ["a lone surrogate"] = (Products, SampleProduct.Record(r => r["Name"] = SyncValue.From("broken \ud800 pair")), FieldDirection.Both, "1978e6c3ce79a084ebc31f11dc68ecea"),
        ["trailing zeros"] = (Products, SampleProduct.Record(r => r["Price__c"] = SyncValue.From(1200.500m)), FieldDirection.Both, "ca318e9791aad17c756208910b31fdfa"),
        ["negative zero with scale"] = (Products, SampleProduct.Record(r => r["Price__c"] = SyncValue.From(-0.000m)), FieldDirection.Both, "1dfdf346ea43757c955ff80b99c0afd0"),
        ["smallest decimal"] = (Products, SampleProduct.Record(r => r["Price__c"] = SyncValue.From(-0.0000000000000000000000000001m)), FieldDirection.Both, "30d77db692294fbfe9e17b5bc2018da0"),
        ["largest decimal"] = (Products, SampleProduct.Record(r => r["Price__c"] = SyncValue.From(decimal.MaxValue)), FieldDirection.Both, "1540df28c597f14ee8cf4316496d1ddd"),
        ["integer number"] = (Products, SampleProduct.Record(r => r["Price__c"] = SyncValue.From(100)), FieldDirection.Both, "0138770438806c295f99667a9791dd46"),
        ["false"] = (Products, SampleProduct.Record(r => r["IsActive"] = SyncValue.From(false)), FieldDirection.Both, "a66a22bc231dbb144342de8c3e4c5d38"),
        ["text coerced to number, boolean, point in time"] = (Products, SampleProduct.Record(r =>
        {
            r["Price__c"] = SyncValue.From("1.2500E+3");
            r["IsActive"] = SyncValue.From(" True ");
            r["LastModifiedDate"] = SyncValue.From("2024-09-10T16:20:17.1239+0200");
        }), FieldDirection.FromRemote, "217e7ca6cb98f45ebf78c1c8c8533f45"),
        ["Microsoft JSON date coerced to point in time"] = (Products, SampleProduct.Record(r => r["LastModifiedDate"] = SyncValue.From("/Date(1725977600123+0100)/")), FieldDirection.FromRemote, "6da620eef884f8f5680fd6785f3523c7"),
        ["unparseable text"] = (Products, SampleProduct.Record(r =>
        {
            r["Price__c"] = SyncValue.From("twelve");
            r["IsActive"] = SyncValue.From("yes");
            r["LastModifiedDate"] = SyncValue.From("soon");
        }), FieldDirection.FromRemote, "91765fd8358f5d7873bff457ff290482"),
        ["other kinds that do not coerce"] = (Products, SampleProduct.Record(r =>
        {
            r["Price__c"] = SyncValue.From(true);
            r["IsActive"] = SyncValue.From(1);
            r["LastModifiedDate"] = SyncValue.From(12.5m);
        }), FieldDirection.FromRemote, "bf52dd2e88064d45aa5859f4850687d9"),
        ["other kinds read as text or as a point in time"] = (Products, SampleProduct.Record(r =>
        {
            r["Name"] = SyncValue.From(12.50m);
            r["ProductCode"] = SyncValue.From(new DateTimeOffset(2024, 2, 29, 23, 59, 59, 999, TimeSpan.FromHours(-3)));
            r["Family"] = SyncValue.From([new SyncRecord("X"), new SyncRecord("Y")]);
            r["DisplayName__c"] = SyncValue.FromDate(new DateTime(2024, 9, 10));
            r["LastModifiedDate"] = SyncValue.FromDate(new DateTime(2024, 9, 10));
        }), FieldDirection.Both, "8dfcdfe7efb3f8dea1dfe4f7013c7f30"),
        ["a point in time with ticks below the millisecond"] = (Products, SampleProduct.Record(r => r["LastModifiedDate"] = SyncValue.From(new DateTimeOffset(new DateTime(2024, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999)))), FieldDirection.FromRemote, "c2f5365b6cf85c53a55a28cf22b90dec"),
        ["fields absent"] = (Products, new SyncRecord("Product2", "01t") { ["Name"] = SyncValue.From("Widget") }, FieldDirection.Both, "b40961b8b2435da3fa9648c81fdfe12a"),
        ["no fields"] = (Products, new SyncRecord("Product2"), FieldDirection.FromRemote, "128f744a184748a3da9e645e1dc7e423"),
        ["date"] = (Items, Item(SyncValue.FromDate(new DateTime(2024, 9, 10))), FieldDirection.Both, "7ee6a787a75d525120f4668f10281550"),
        ["point in time coerced to date"] = (Items, Item(SyncValue.From(new DateTimeOffset(2024, 9, 10, 23, 30, 0, TimeSpan.FromHours(-2)))), FieldDirection.Both, "fdaaee55dc66fad029286636651c886b"),
        ["text coerced to date"] = (Items, Item(SyncValue.From("2024-09-10")), FieldDirection.Both, "7ee6a787a75d525120f4668f10281550"),
        ["text with a time coerced to date"] = (Items, Item(SyncValue.From("2024-09-10T23:30:00-0200")), FieldDirection.Both, "fdaaee55dc66fad029286636651c886b"),
        ["unparseable date"] = (Items, Item(SyncValue.From("someday")), FieldDirection.Both, "ada0aa929ad01c66b03d2009b97c6858"),
        ["order with lines"] = (Orders, OrderRecord(Line("a", 1), Line("b", 2.50m)), FieldDirection.Both, "7f1472891b70808824fe8fed5779c0d4"),
        ["order with lines, from remote"] = (Orders, OrderRecord(Line("a", 1), Line("b", 2.50m)), FieldDirection.FromRemote, "e7f15244a2298c3e328647d8d2a5d029"),
        ["order with a deleted line"] = (Orders, OrderRecord(Line("a", 1), Line("b", 2.50m), Line("c", 3, deleted: true)), FieldDirection.Both, "7f1472891b70808824fe8fed5779c0d4"),
        ["order with no lines"] = (Orders, OrderRecord(), FieldDirection.Both, "ac94afeced2e75644368b0ebe622fd92"),
        ["order with lines absent"] = (Orders, new SyncRecord("Order") { ["OrderNumber"] = SyncValue.From("SO-1") }, FieldDirection.Both, "17d688489c6599a70295c6c976738754"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_fingerprint_of_a_record_never_changes(string name)
    {
        var (mapper, record, direction, expected) = Cases[name];

        Assert.Equal(expected, mapper.Fingerprint(record, direction));
        var print = mapper.FingerprintOf(record, direction);
        Assert.Equal(expected, print.ToString());
        Assert.True(print.Matches(expected));
        Assert.True(SyncFingerprint.TryParse(expected, out var parsed));
        Assert.Equal(print, parsed);
    }

    private static SyncRecord Item(SyncValue startDate) => new("Items", "guid")
    {
        ["Code"] = SyncValue.From("W-100"),
        ["Description"] = SyncValue.From("Widget"),
        ["StandardSalesPrice"] = SyncValue.From(12.5m),
        ["IsSalesItem"] = SyncValue.From(true),
        ["StartDate"] = startDate,
    };

    private static SyncRecord OrderRecord(params SyncRecord[] lines) => new("Order", "801")
    {
        ["OrderNumber"] = SyncValue.From("SO-1"),
        ["AccountId"] = SyncValue.From("001"),
        ["EffectiveDate"] = SyncValue.FromDate(new DateTime(2024, 9, 10)),
        ["Description"] = SyncValue.From("Rush"),
        ["OrderItems"] = SyncValue.From(lines),
    };

    private static SyncRecord Line(string product, decimal quantity, bool deleted = false) => new("OrderItem")
    {
        ["OrderId"] = SyncValue.From("801"),
        ["PricebookEntryId"] = SyncValue.From("01u" + product),
        ["Product2Id"] = SyncValue.From(product),
        ["Quantity"] = SyncValue.From(quantity),
        ["UnitPrice"] = SyncValue.From(quantity * 10m),
        IsDeleted = deleted,
    };
}
