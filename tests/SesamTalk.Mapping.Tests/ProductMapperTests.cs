using SesamTalk.Mapping.Tests.Entities;

namespace SesamTalk.Mapping.Tests;

public class ProductMapperTests
{
    private static readonly SyncTarget Product2 = new("Salesforce", "Product2");
    private static readonly SyncTarget Items = new("ExactOnline", "Items");

    private static Product Widget() => new()
    {
        Id = Guid.Parse("7d3c2f7e-5b1a-4a8e-9d2c-3f1e0b6a9c11"),
        Sku = "W-100",
        Name = "Widget",
        Price = 12.50m,
        Active = true,
        Family = ProductFamily.Hardware,
        AvailableFrom = new DateOnly(2024, 9, 10),
        InternalNote = "never synced",
    };

    [Fact]
    public void ToRecord_writes_the_mapped_fields_under_their_remote_names()
    {
        var record = Product.SyncDefinition.GetMapper(Product2).ToRecord(Widget());

        Assert.Equal("Product2", record.Type);
        Assert.Equal("W-100", record["ProductCode"].AsString());
        Assert.Equal("Widget", record["Name"].AsString());
        Assert.Equal(12.5m, record["Price__c"].AsDecimal());
        Assert.Equal(true, record["IsActive"].AsBoolean());
        Assert.Equal("Hardware & Tools", record["Family"].AsString());
        Assert.Equal("W-100 Widget", record["DisplayName__c"].AsString());
        Assert.False(record.Contains("InternalNote"));
        Assert.False(record.Contains("AvailableFrom"));
        Assert.False(record.Contains("LastModifiedDate"));
        Assert.False(record.Contains("Id"));
    }

    [Fact]
    public void Apply_round_trips_every_field_that_travels_both_ways()
    {
        var mapper = Product.SyncDefinition.GetMapper(Product2);
        var copy = new Product();

        mapper.Apply(mapper.ToRecord(Widget()), copy);

        Assert.Equal("W-100", copy.Sku);
        Assert.Equal("Widget", copy.Name);
        Assert.Equal(12.5m, copy.Price);
        Assert.True(copy.Active);
        Assert.Equal(ProductFamily.Hardware, copy.Family);
        Assert.Equal("", copy.InternalNote);
    }

    [Fact]
    public void Apply_reads_remote_only_fields_and_leaves_absent_fields_alone()
    {
        var product = Widget();
        var record = new SyncRecord("Product2", "01t5g000001AbCdAAK")
        {
            ["LastModifiedDate"] = SyncValue.From(new DateTimeOffset(2024, 9, 10, 14, 20, 17, TimeSpan.Zero)),
            ["Family"] = SyncValue.From("Software"),
        };

        Product.SyncDefinition.GetMapper(Product2).Apply(record, product);

        Assert.Equal(new DateTimeOffset(2024, 9, 10, 14, 20, 17, TimeSpan.Zero), product.RemoteModifiedAt);
        Assert.Equal(ProductFamily.Software, product.Family);
        Assert.Equal("W-100", product.Sku);
        Assert.Equal(12.5m, product.Price);
    }

    [Fact]
    public void Apply_reads_nulls_into_nullable_and_non_nullable_properties()
    {
        var product = Widget();
        var record = new SyncRecord("Product2", "01t5g000001AbCdAAK")
        {
            ["Price__c"] = SyncValue.Null,
            ["IsActive"] = SyncValue.Null,
            ["Name"] = SyncValue.Null,
            ["Family"] = SyncValue.From(""),
        };

        Product.SyncDefinition.GetMapper(Product2).Apply(record, product);

        Assert.Null(product.Price);
        Assert.False(product.Active);
        Assert.Equal("", product.Name);
        Assert.Equal(ProductFamily.None, product.Family);
    }

    [Fact]
    public void A_wrong_type_names_the_record_the_field_and_the_property()
    {
        var record = new SyncRecord("Product2", "01t5g000001AbCdAAK") { ["Price__c"] = SyncValue.From("twelve") };

        var error = Assert.Throws<SyncMappingException>(() => Product.SyncDefinition.GetMapper(Product2).Apply(record, new Product()));

        Assert.Equal("Product2", error.RecordType);
        Assert.Equal("01t5g000001AbCdAAK", error.RecordId);
        Assert.Equal("Price__c", error.Field);
        Assert.Equal("Product.Price", error.Property);
        Assert.Contains("01t5g000001AbCdAAK", error.Message, StringComparison.Ordinal);
        Assert.Contains("text \"twelve\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_picklist_value_lists_the_values_that_are_known()
    {
        var record = new SyncRecord("Product2", "01t5g000001AbCdAAK") { ["Family"] = SyncValue.From("Services") };

        var error = Assert.Throws<SyncMappingException>(() => Product.SyncDefinition.GetMapper(Product2).Apply(record, new Product()));

        Assert.Equal("Family", error.Field);
        Assert.Contains("'Hardware & Tools'", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Services\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_system_uses_its_own_field_names_and_date_only_values()
    {
        var mapper = Product.SyncDefinition.GetMapper(Items);
        var record = mapper.ToRecord(Widget());

        Assert.Equal("W-100", record["Code"].AsString());
        Assert.Equal("Widget", record["Description"].AsString());
        Assert.Equal(SyncValueKind.Date, record["StartDate"].Kind);
        Assert.False(record.Contains("Family"));

        var copy = new Product();
        mapper.Apply(record, copy);
        Assert.Equal(new DateOnly(2024, 9, 10), copy.AvailableFrom);
        Assert.Equal(SyncOrigin.Both, mapper.Origin);
    }

    [Fact]
    public void Descriptors_expose_match_keys_constants_and_directions()
    {
        var mapper = Product.SyncDefinition.GetMapper(Product2);

        Assert.Equal(new[] { "ProductCode" }, mapper.MatchKeys);
        var constant = Assert.Single(mapper.Constants);
        Assert.Equal("IsActive", constant.Field);
        Assert.Equal(SyncValue.From(true), constant.Value);
        Assert.Equal(FieldDirection.FromRemote, mapper.Fields.Single(f => f.Field == "LastModifiedDate").Direction);
        Assert.Equal(FieldDirection.ToRemote, mapper.Fields.Single(f => f.Field == "DisplayName__c").Direction);
        Assert.Equal(SyncValueKind.Number, mapper.Fields.Single(f => f.Field == "Price__c").Kind);
    }

    [Fact]
    public void The_definition_gives_the_id_as_invariant_text_and_creates_entities()
    {
        var definition = Product.SyncDefinition;

        Assert.Equal("Product", definition.Name);
        Assert.Equal("7d3c2f7e-5b1a-4a8e-9d2c-3f1e0b6a9c11", definition.GetId(Widget()));
        Assert.IsType<Product>(definition.Create());
        Assert.Equal(2, definition.Mappers.Count);
        Assert.Throws<KeyNotFoundException>(() => definition.GetMapper(new SyncTarget("SuperOffice", "Product")));
    }
}
