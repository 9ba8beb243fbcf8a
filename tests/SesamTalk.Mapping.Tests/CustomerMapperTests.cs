using SesamTalk.Mapping.Tests.Entities;

namespace SesamTalk.Mapping.Tests;

public sealed class CustomerMapperTests
{
    private static readonly IEntityMapper<Customer> Mapper = Customer.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Account"));

    [Fact]
    public void A_converter_goes_both_ways()
    {
        var record = Mapper.ToRecord(new Customer { Id = 7, Name = "Acme", DiscountPercent = 12.5m });
        Assert.Equal(0.125m, record["Discount__c"].AsDecimal());

        var customer = new Customer();
        Mapper.Apply(record, customer);
        Assert.Equal(12.5m, customer.DiscountPercent);
    }

    [Fact]
    public void A_host_value_the_converter_refuses_is_bad_input_naming_the_field_and_the_property()
    {
        var error = Assert.Throws<SyncMappingException>(() => Mapper.ToRecord(new Customer { Id = 7, Name = "Acme", DiscountPercent = 250m }));

        Assert.Equal(("Account", "Discount__c", "Customer.DiscountPercent"), (error.RecordType, error.Field, error.Property));
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.Contains("from 0 to 100", error.Message, StringComparison.Ordinal);
    }
}
