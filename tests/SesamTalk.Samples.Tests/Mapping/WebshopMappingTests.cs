using SesamTalk.Samples.Customwebshop;

namespace SesamTalk.Samples.Tests.Mapping;

/// <summary>What the generated webshop mappers write and read, converters and references included.</summary>
public class WebshopMappingTests
{
    private static readonly Customer Polder = new()
    {
        Id = "000002", CustomerNumber = "10002", Name = "Polder Fietsen B.V.", Email = "inkoop@polderfietsen.example",
        Street = "Damrak 70", PostalCode = "1012 LM", City = "Amsterdam", CountryCode = "NL", VatNumber = "NL812345678B01", DiscountPercent = 12.5m,
    };

    [Fact]
    public void A_customer_becomes_an_Exact_account_with_a_fraction_discount_and_the_customer_status()
    {
        var mapper = Customer.SyncDefinition.GetMapper(new SyncTarget("ExactOnline", "Accounts"));

        var record = mapper.ToRecord(Polder);

        Assert.Equal("10002", record["Code"].AsString());
        Assert.Equal("Damrak 70", record["AddressLine1"].AsString());
        Assert.Equal("NL", record["Country"].AsString());
        Assert.Equal(0.125m, record["DiscountSales"].AsDecimal());
        Assert.Equal(["Code"], mapper.MatchKeys);
        Assert.Equal("C", Assert.Single(mapper.Constants, c => c.Field == "Status").Value.AsString());
    }

    [Fact]
    public void A_customer_is_only_a_name_and_an_active_flag_as_a_Salesforce_Division()
    {
        var mapper = Customer.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Division"));

        Assert.Equal(["Name", "IsActive"], mapper.Fields.Select(f => f.Field));
        Assert.Equal(["Name"], mapper.MatchKeys);
    }

    [Fact]
    public void A_SuperOffice_contact_creates_a_customer_with_an_iso_country_code()
    {
        var mapper = Customer.SyncDefinition.GetMapper(new SyncTarget("SuperOffice", "Contact"));
        var customer = Customer.SyncDefinition.Create();

        mapper.Apply(new SyncRecord("Contact", "42") { ["Name"] = SyncValue.From("Fjordline Outdoor AS"), ["Country"] = SyncValue.From(578), ["OrgNr"] = SyncValue.From("NO923456789MVA") }, customer);

        Assert.Equal(SyncOrigin.Remote, mapper.Origin);
        Assert.Equal("Fjordline Outdoor AS", customer.Name);
        Assert.Equal("NO", customer.CountryCode);
        Assert.Equal("NO923456789MVA", customer.VatNumber);
    }

    [Fact]
    public void An_order_references_its_customer_as_the_Salesforce_account_and_links_its_invoice_through_its_Salesforce_order()
    {
        var order = new Order { Id = "000001", Number = "WS-1001", CustomerId = "000002", OrderDate = new DateOnly(2024, 9, 2) };

        var salesforceOrder = Order.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Order"));
        Assert.Equal("000002", salesforceOrder.ToRecord(order)["AccountId"].AsString());
        Assert.Contains(salesforceOrder.References, r => r.Field == "AccountId" && r.EntityType == typeof(Customer));
        Assert.Equal(["Status"], salesforceOrder.Constants.Select(c => c.Field));
        Assert.Contains(salesforceOrder.Fields, f => f.Field == "Pricebook2Id" && f.Property == nameof(Order.SalesforcePricebookId));

        var invoice = Order.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Invoice"));
        Assert.Equal(SyncOrigin.None, invoice.Origin);
        Assert.Equal(["ReferenceEntityId"], invoice.MatchKeys);
        Assert.Equal("000001", invoice.ToRecord(order)["ReferenceEntityId"].AsString());
        Assert.All(invoice.Fields, field => Assert.True(field.Updateable || field.Direction == FieldDirection.FromRemote, field.Field));
    }

    [Fact]
    public void Order_lines_become_Exact_sales_order_lines_with_a_fraction_discount_and_a_vat_code()
    {
        var order = new Order { Id = "000001", CustomerId = "000002", Lines = [new() { Id = "1", OrderId = "000001", ProductId = "000003", Quantity = 20m, UnitPrice = 6.95m, DiscountPercent = 12.5m, VatPercent = 21m }] };

        var record = Order.SyncDefinition.GetMapper(new SyncTarget("ExactOnline", "SalesOrders")).ToRecord(order);

        Assert.Equal("000002", record["OrderedBy"].AsString());
        var line = Assert.Single(record["SalesOrderLines"].AsRecords()!);
        Assert.Equal("000003", line["Item"].AsString());
        Assert.Equal(0.125m, line["Discount"].AsDecimal());
        Assert.Equal("1", line["VATCode"].AsString());
    }

    [Fact]
    public void A_SuperOffice_quote_line_arrives_as_a_line_of_the_order_with_its_percentages_unchanged()
    {
        var order = Order.SyncDefinition.Create();
        var alternative = new SyncRecord("QuoteAlternative", "7")
        {
            ["Name"] = SyncValue.From("Alternative A"),
            ["DiscountPercent"] = SyncValue.From(5),
            ["QuoteLines"] = SyncValue.From([new SyncRecord("QuoteLine", "70") { ["Code"] = SyncValue.From("HAM-16"), ["Quantity"] = SyncValue.From(3), ["UnitListPrice"] = SyncValue.From(24.9m), ["DiscountPercent"] = SyncValue.From(12), ["VAT"] = SyncValue.From(25), ["Rank"] = SyncValue.From(1) }]),
        };

        Order.SyncDefinition.GetMapper(new SyncTarget("SuperOffice", "QuoteAlternative")).Apply(alternative, order);

        Assert.Equal("Alternative A", order.Description);
        Assert.Equal(5m, order.DiscountPercent);
        var line = Assert.Single(order.Lines);
        Assert.Equal(("HAM-16", 3m, 24.9m, 12m, 25m, 1), (line.Sku, line.Quantity, line.UnitPrice, line.DiscountPercent, line.VatPercent, line.Position));
    }
}
