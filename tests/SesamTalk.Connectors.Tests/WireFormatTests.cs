using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.Salesforce;

namespace SesamTalk.Connectors.Tests;

public class WireFormatTests
{
    [Fact]
    public void Salesforce_datetimes_from_a_recorded_record_parse_to_utc()
    {
        var contact = SharedFixtures.Json("salesforce", "contact_record.json");

        var created = SalesforceWireFormat.ParseDateTime(contact.GetProperty("CreatedDate").GetString()!);

        Assert.Equal(new DateTimeOffset(2017, 4, 25, 16, 21, 44, TimeSpan.Zero), created);
        Assert.Equal(TimeSpan.Zero, created.Offset);
    }

    [Fact]
    public void Salesforce_datetimes_are_written_as_salesforce_writes_them()
    {
        var value = new DateTimeOffset(2024, 9, 10, 16, 20, 17, 5, TimeSpan.FromHours(2));

        Assert.Equal("2024-09-10T14:20:17.005+0000", SalesforceWireFormat.FormatDateTime(value));
        Assert.Equal(value, SalesforceWireFormat.ParseDateTime(SalesforceWireFormat.FormatDateTime(value)));
        Assert.Equal("2024-09-10", SalesforceWireFormat.FormatDate(new DateOnly(2024, 9, 10)));
    }

    [Theory]
    [InlineData("2024-09-10")]
    [InlineData("10/09/2024 14:20")]
    [InlineData("")]
    public void Text_that_is_not_a_salesforce_datetime_is_refused_with_the_text_in_the_message(string text)
    {
        var error = Assert.Throws<FormatException>(() => SalesforceWireFormat.ParseDateTime(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exact_dates_from_a_recorded_account_parse_and_round_trip()
    {
        var account = SharedFixtures.Json("exactonline", "crm_account_single.json").GetProperty("d");
        var text = account.GetProperty("StartDate").GetString()!;

        var start = ExactWireFormat.ParseDate(text);

        Assert.Equal(new DateTimeOffset(2010, 3, 5, 0, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(text, ExactWireFormat.FormatDate(start));
    }

    [Theory]
    [InlineData("/Date(1725977600000+0100)/", 1725977600000)]
    [InlineData("/Date(-86400000)/", -86400000)]
    public void Exact_dates_accept_offsets_and_dates_before_1970(string text, long milliseconds)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), ExactWireFormat.ParseDate(text));
    }

    [Fact]
    public void Text_that_is_not_an_exact_date_is_refused()
    {
        Assert.Throws<FormatException>(() => ExactWireFormat.ParseDate("2010-03-05"));
    }
}
