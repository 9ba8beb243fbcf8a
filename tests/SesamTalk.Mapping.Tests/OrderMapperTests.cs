using SesamTalk.Mapping.Tests.Entities;

namespace SesamTalk.Mapping.Tests;

public class OrderMapperTests
{
    private static readonly SyncTarget SalesforceOrder = new("Salesforce", "Order");
    private static readonly SyncTarget SalesforceInvoice = new("Salesforce", "Invoice");

    private static Order SampleOrder() => new()
    {
        Id = "order-1",
        Number = "SO-1",
        CustomerId = "42",
        OrderDate = new DateOnly(2024, 9, 10),
        Lines =
        {
            new OrderLine { Id = 1, ProductId = "p-1", Quantity = 2, Price = 9.99m },
            new OrderLine { Id = 2, ProductId = "p-2", Quantity = 0.5, Price = 100m },
        },
    };

    [Fact]
    public void Children_travel_as_child_records_and_come_back_as_entities()
    {
        var mapper = Order.SyncDefinition.GetMapper(SalesforceOrder);
        var record = mapper.ToRecord(SampleOrder());

        var lines = record["OrderItems"].AsRecords()!;
        Assert.Equal(2, lines.Count);
        Assert.Equal("OrderItem", lines[0].Type);
        Assert.Equal("p-1", lines[0]["Product2Id"].AsString());
        Assert.Equal(0.5m, lines[1]["Quantity"].AsDecimal());

        var copy = new Order();
        mapper.Apply(record, copy);
        Assert.Equal(2, copy.Lines.Count);
        Assert.Equal(9.99m, copy.Lines[0].Price);
        Assert.Equal(0.5, copy.Lines[1].Quantity);
    }

    [Fact]
    public void Child_records_update_the_existing_lines_in_place_so_what_the_mapping_does_not_carry_survives()
    {
        var mapper = Order.SyncDefinition.GetMapper(SalesforceOrder);
        var order = SampleOrder();
        var first = order.Lines[0];
        var record = mapper.ToRecord(order);
        var items = record["OrderItems"].AsRecords()!;
        items[1]["Quantity"] = SyncValue.From(3);
        var extra = new SyncRecord("OrderItem") { ["Product2Id"] = SyncValue.From("p-3"), ["Quantity"] = SyncValue.From(1), ["UnitPrice"] = SyncValue.From(5m) };
        record["OrderItems"] = SyncValue.From(items.Append(extra).ToList());

        mapper.Apply(record, order);

        Assert.Same(first, order.Lines[0]);
        Assert.Equal(new long[] { 1, 2, 0 }, order.Lines.Select(line => line.Id)); // the host's line ids are not part of the mapping
        Assert.Equal(new[] { 2d, 3d, 1d }, order.Lines.Select(line => line.Quantity));

        record["OrderItems"] = SyncValue.From(items.Take(1).ToList());
        mapper.Apply(record, order);
        Assert.Same(first, Assert.Single(order.Lines));
    }

    [Fact]
    public void Two_types_of_one_system_have_their_own_fields_origin_and_children()
    {
        var invoice = Order.SyncDefinition.GetMapper(SalesforceInvoice);
        var record = invoice.ToRecord(SampleOrder());

        Assert.Equal(SyncOrigin.None, invoice.Origin);
        Assert.Equal(new DateTime(2024, 9, 10), record["InvoiceDate"].AsDate());
        Assert.False(record.Contains("EffectiveDate"));
        Assert.Equal("InvoiceId", Assert.Single(invoice.Children).ParentField);
        Assert.Empty(invoice.Constants);
    }

    [Fact]
    public void References_describe_the_field_to_translate_through_the_links()
    {
        var mapper = Order.SyncDefinition.GetMapper(SalesforceOrder);

        var reference = Assert.Single(mapper.References);
        Assert.Equal("AccountId", reference.Field);
        Assert.Equal("Customer", reference.Entity);
        Assert.Equal(typeof(Customer), reference.EntityType);
        Assert.Equal("42", mapper.ToRecord(SampleOrder())["AccountId"].AsString());
        Assert.Equal(ConflictRule.LocalWins, mapper.Fields.Single(f => f.Field == "Description").Conflict);
    }

    [Fact]
    public void Descriptors_carry_the_catalog_rules_the_engine_needs()
    {
        var line = OrderLine.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "OrderItem"));
        var product = line.Fields.Single(f => f.Field == "Product2Id");
        var quantity = line.Fields.Single(f => f.Field == "Quantity");

        Assert.Equal("reference", product.RemoteType);
        Assert.True(product.Createable);
        Assert.False(product.Updateable);
        Assert.Equal("double", quantity.RemoteType);
        Assert.True(quantity.Updateable);
        Assert.Equal("string", product.PropertyType);

        var price = Product.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Product2")).Fields.Single(f => f.Field == "Price__c");
        Assert.Equal("currency", price.RemoteType);
        Assert.Equal("decimal?", price.PropertyType);
    }

    [Fact]
    public void A_bad_child_value_names_the_child_record_and_field()
    {
        var line = new SyncRecord("OrderItem", "8025g00000AbCdE") { ["Quantity"] = SyncValue.From(true) };
        var record = new SyncRecord("Order", "8015g00000XyZ") { ["OrderItems"] = SyncValue.From(new[] { line }) };

        var error = Assert.Throws<SyncMappingException>(() => Order.SyncDefinition.GetMapper(SalesforceOrder).Apply(record, new Order()));

        Assert.Equal("8025g00000AbCdE", error.RecordId);
        Assert.Equal("OrderLine.Quantity", error.Property);
    }

    [Fact]
    public void A_converter_turns_percent_into_fraction_and_back()
    {
        var mapper = Customer.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Account"));
        var record = mapper.ToRecord(new Customer { Id = 7, Name = "Acme", DiscountPercent = 12.5m });

        Assert.Equal(0.125m, record["Discount__c"].AsDecimal());
        var copy = new Customer();
        mapper.Apply(record, copy);
        Assert.Equal(12.5m, copy.DiscountPercent);
        Assert.Equal("7", Customer.SyncDefinition.GetId(new Customer { Id = 7 }));
    }
}
