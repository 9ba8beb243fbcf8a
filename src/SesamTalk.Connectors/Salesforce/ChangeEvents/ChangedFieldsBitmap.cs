using System.Globalization;
using Avro;

namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>
/// Decodes the bitmap form of a change event header's field lists (changedFields, nulledFields, diffFields) as the
/// Pub/Sub API sends them (Salesforce's "Event Deserialization Considerations"): the first string, <c>0x…</c>, is a
/// hexadecimal bitmap whose bit i (counted from the least significant) marks the field at position i of the event
/// schema; each further string <c>{position}-0x…</c> marks the parts of the compound field at that position, named
/// <c>Parent.Part</c>.
/// </summary>
internal static class ChangedFieldsBitmap
{
    /// <summary>The field names the bitmap strings mark.</summary>
    /// <exception cref="FormatException">A string is no bitmap, or marks a position the schema does not have.</exception>
    public static List<string> Decode(IEnumerable<string> bitmaps, RecordSchema schema)
    {
        var names = new List<string>();
        foreach (var bitmap in bitmaps)
        {
            if (bitmap.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                names.AddRange(Positions(bitmap, schema).Select(p => schema.Fields[p].Name));
                continue;
            }

            var dash = bitmap.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(bitmap.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var parent) || parent >= schema.Fields.Count)
            {
                throw new FormatException($"'{bitmap}' is no field bitmap of schema {schema.Fullname}: expected 0x<hex> or <position>-0x<hex>.");
            }

            var parentField = schema.Fields[parent];
            var nested = NestedRecord(parentField.Schema) ?? throw new FormatException(
                $"'{bitmap}' marks parts of field {parentField.Name} of schema {schema.Fullname}, which is no compound field.");
            names.AddRange(Positions(bitmap[(dash + 1)..], nested).Select(p => parentField.Name + "." + nested.Fields[p].Name));
        }

        return names;
    }

    /// <summary>The set bits of a <c>0x…</c> bitmap, lowest first.</summary>
    private static List<int> Positions(string bitmap, RecordSchema schema)
    {
        if (!bitmap.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{bitmap}' is no hexadecimal bitmap (0x<hex>) of schema {schema.Fullname}.");
        }

        var positions = new List<int>();
        var hex = bitmap[2..];
        for (var digit = 0; digit < hex.Length; digit++)
        {
            var nibble = Convert.ToInt32(hex[hex.Length - 1 - digit].ToString(), 16);
            for (var bit = 0; bit < 4; bit++)
            {
                if ((nibble & (1 << bit)) != 0)
                {
                    positions.Add((digit * 4) + bit);
                }
            }
        }

        return positions.Count == 0 || positions[^1] < schema.Fields.Count ? positions : throw new FormatException(
            $"Bitmap '{bitmap}' marks field position {positions[^1]}, but schema {schema.Fullname} has {schema.Fields.Count} fields.");
    }

    /// <summary>The record inside an optional field (<c>["null", record]</c>, or a record itself), or null for other fields.</summary>
    private static RecordSchema? NestedRecord(Schema schema) => schema switch
    {
        RecordSchema record => record,
        UnionSchema union => union.Schemas.OfType<RecordSchema>().FirstOrDefault(),
        _ => null,
    };
}
