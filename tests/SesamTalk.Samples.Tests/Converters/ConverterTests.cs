using SesamTalk.Samples.Customwebshop;
using SesamTalk.Samples.Customwebshop.Converters;

namespace SesamTalk.Samples.Tests.Converters;

/// <summary>The unit and code conversions between the webshop and SuperOffice or Exact Online.</summary>
public class ConverterTests
{
    [Theory]
    [InlineData("12.5", 0.125)]
    [InlineData("5.5", 0.055)]
    [InlineData("0", 0.0)]
    [InlineData("100", 1.0)]
    public void A_percent_becomes_Exacts_fraction_and_back(string percent, double fraction)
    {
        var converter = new PercentToFractionConverter();
        var value = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(fraction, converter.ToRemote(value)!.Value, precision: 12);
        Assert.Equal(value, converter.ToLocal(fraction));
    }

    [Fact]
    public void An_empty_Exact_discount_is_no_discount() => Assert.Equal(0m, new PercentToFractionConverter().ToLocal(null));

    [Theory]
    [InlineData("NO", 578)]
    [InlineData("GB", 826)]
    [InlineData("NL", 528)]
    [InlineData("BE", 56)]
    public void An_iso_country_code_becomes_a_SuperOffice_country_id_and_back(string code, int id)
    {
        var converter = new SuperOfficeCountryConverter();

        Assert.Equal(id, converter.ToRemote(code));
        Assert.Equal(id, converter.ToRemote(code.ToLowerInvariant() + " "));
        Assert.Equal(code, converter.ToLocal(id));
    }

    [Fact]
    public void No_country_is_SuperOffices_empty_list_item_and_an_unknown_one_is_an_error()
    {
        var converter = new SuperOfficeCountryConverter();

        Assert.Null(converter.ToRemote(null));
        Assert.Null(converter.ToRemote(" "));
        Assert.Null(converter.ToLocal(0));
        Assert.Null(converter.ToLocal(null));
        Assert.Throws<ArgumentOutOfRangeException>(() => converter.ToRemote("XX"));
        Assert.Throws<ArgumentOutOfRangeException>(() => converter.ToLocal(999));
    }

    [Theory]
    [InlineData("NL ", "NL")]
    [InlineData("nl", "NL")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void Exacts_padded_country_code_reads_as_the_trimmed_code(string? exact, string? webshop)
    {
        Assert.Equal(webshop, new ExactCountryConverter().ToLocal(exact));
        Assert.Equal(webshop, new ExactCountryConverter().ToRemote(exact));
    }

    [Theory]
    [InlineData("21", "1")]
    [InlineData("9", "2")]
    [InlineData("0", "0")]
    public void A_vat_percentage_becomes_the_divisions_vat_code_and_back(string percent, string code)
    {
        var converter = new ExactVatCodeConverter();
        var value = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(code, converter.ToRemote(value));
        Assert.Equal(value, converter.ToLocal(code));
        Assert.Equal(value, converter.ToLocal(code + "  "));
    }

    [Fact]
    public void A_vat_percentage_without_a_code_is_an_error_never_a_guess()
    {
        var converter = new ExactVatCodeConverter();

        Assert.Throws<ArgumentOutOfRangeException>(() => converter.ToRemote(25m));
        Assert.Throws<ArgumentOutOfRangeException>(() => converter.ToLocal("7"));
        Assert.Equal(0m, converter.ToLocal(null));
    }

    [Theory]
    [InlineData("Open", OrderStatus.Open)]
    [InlineData("Stalled", OrderStatus.Open)]
    [InlineData("Sold", OrderStatus.Confirmed)]
    [InlineData("Lost", OrderStatus.Cancelled)]
    public void A_SuperOffice_sale_status_becomes_an_order_status(string sale, OrderStatus order)
    {
        Assert.Equal(order, new SaleStatusConverter().ToLocal(sale));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SaleStatusConverter().ToLocal("Won"));
    }
}
