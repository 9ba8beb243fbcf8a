namespace SesamTalk.Mapping.Tests;

public class SyncValueTests
{
    [Theory]
    [InlineData("2024-09-10T14:20:17.000+0000")]
    [InlineData("2024-09-10T14:20:17.000Z")]
    [InlineData("2024-09-10T16:20:17+02:00")]
    [InlineData("/Date(1725978017000)/")]
    public void Dates_in_every_wire_format_read_as_the_same_instant(string text)
    {
        Assert.Equal(new DateTimeOffset(2024, 9, 10, 14, 20, 17, TimeSpan.Zero), SyncValue.From(text).AsDateTimeOffset());
    }

    [Fact]
    public void Canonical_text_is_invariant_and_normalised()
    {
        Assert.Equal("12.5", SyncValue.From(12.500m).ToString());
        Assert.Equal("0", SyncValue.From(-0.0m).ToString());
        Assert.Equal("2024-09-10T14:20:17.123Z", SyncValue.From(new DateTimeOffset(2024, 9, 10, 16, 20, 17, 123, TimeSpan.FromHours(2)).AddTicks(4567)).ToString());
        Assert.Equal("2024-09-10", SyncValue.From(new DateOnly(2024, 9, 10)).ToString());
        Assert.Equal("true", SyncValue.From(true).ToString());
    }

    [Fact]
    public void Whole_number_reads_refuse_fractions_and_overflow()
    {
        Assert.Equal(3, SyncValue.From(3.0m).AsInt32());
        Assert.Throws<SyncValueException>(() => SyncValue.From(3.5m).AsInt32());
        Assert.Throws<SyncValueException>(() => SyncValue.From(long.MaxValue).AsInt32());
    }

    [Fact]
    public void Doubles_that_are_not_finite_decimals_are_refused_with_a_clear_message()
    {
        var error = Assert.Throws<SyncValueException>(() => SyncValue.From(double.NaN));
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_texts_are_cut_in_messages()
    {
        var error = Assert.Throws<SyncValueException>(() => SyncValue.From(new string('x', 500)).AsDecimal());
        Assert.True(error.Message.Length < 120, error.Message);
    }

    [Fact]
    public void Records_compare_field_names_case_insensitively_and_tell_absent_from_null()
    {
        var record = new SyncRecord("Account", "001") { ["Name"] = SyncValue.Null };

        Assert.True(record.TryGetValue("name", out var value));
        Assert.True(value.IsNull);
        Assert.False(record.Contains("Phone"));
        var error = Assert.Throws<KeyNotFoundException>(() => record["Phone"]);
        Assert.Contains("Account 001", error.Message, StringComparison.Ordinal);
    }
}
