using Avro;
using SesamTalk.Connectors.Salesforce.ChangeEvents;

namespace SesamTalk.Connectors.Tests.Salesforce.PubSub;

/// <summary>The changed-fields bitmaps decoded as Salesforce's "Event Deserialization Considerations" describes them.</summary>
public sealed class ChangedFieldsBitmapTests
{
    /// <summary>An event schema of 32 fields F0..F31, F4 a compound (address) field with eight parts P0..P7.</summary>
    private static readonly RecordSchema Schema = (RecordSchema)Avro.Schema.Parse($$"""
        {"type": "record", "name": "TestChangeEvent", "fields": [
          {{string.Join(",", Enumerable.Range(0, 32).Select(i => i == 4
              ? """{"name": "F4", "type": ["null", {"type": "record", "name": "Address", "fields": [""" + string.Join(",", Enumerable.Range(0, 8).Select(p => $$"""{"name": "P{{p}}", "type": ["null", "string"]}""")) + "]}], \"default\": null}"
              : $$"""{"name": "F{{i}}", "type": ["null", "string"], "default": null}"""))}}
        ]}
        """);

    [Fact]
    public void The_documented_example_names_the_fields_at_its_set_bits_and_the_compound_parts()
    {
        // The documentation's example: ['0x650004E0', '4-0x10'] — bits 5, 6, 7, 10, 24, 26, 29, 30, and part 4 of field 4.
        var names = ChangedFieldsBitmap.Decode(["0x650004E0", "4-0x10"], Schema);

        Assert.Equal(["F5", "F6", "F7", "F10", "F24", "F26", "F29", "F30", "F4.P4"], names);
    }

    [Theory]
    [InlineData("0x0100000000", "marks field position 32")]
    [InlineData("7-0x01", "F7 of schema TestChangeEvent, which is no compound field")]
    [InlineData("changed", "is no field bitmap of schema TestChangeEvent")]
    public void A_bitmap_the_schema_cannot_explain_is_refused_naming_it(string bitmap, string message)
    {
        var error = Assert.Throws<FormatException>(() => ChangedFieldsBitmap.Decode([bitmap], Schema));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
