using System.Globalization;
using System.Text;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// The bitmap form of a change event header's field lists (changedFields, nulledFields, diffFields) as the Pub/Sub API
/// sends them: the first string is a hexadecimal bitmap (<c>0x650004E0</c>) whose bit i marks the field at position i of
/// the event schema; each compound field with marked parts adds <c>{position}-{bitmap of its parts}</c>.
/// </summary>
internal static class FieldBitmap
{
    /// <summary>The bitmap strings of the marked fields; none when nothing is marked.</summary>
    /// <param name="fields">Schema positions of marked plain fields.</param>
    /// <param name="compoundParts">Marked parts by the schema position of their compound field.</param>
    public static string[] Encode(IReadOnlyCollection<int> fields, IReadOnlyDictionary<int, List<int>> compoundParts)
    {
        if (fields.Count == 0 && compoundParts.Count == 0)
        {
            return [];
        }

        return [Hex(fields), .. compoundParts.OrderBy(c => c.Key).Select(c => $"{c.Key.ToString(CultureInfo.InvariantCulture)}-{Hex(c.Value)}")];
    }

    /// <summary><c>0x</c> and the bitmap's bytes, most significant first, in upper-case hex (at least one byte).</summary>
    private static string Hex(IReadOnlyCollection<int> positions)
    {
        var bytes = new byte[positions.Count == 0 ? 1 : (positions.Max() / 8) + 1];
        foreach (var position in positions)
        {
            bytes[bytes.Length - 1 - (position / 8)] |= (byte)(1 << (position % 8));
        }

        var hex = new StringBuilder("0x", 2 + (bytes.Length * 2));
        foreach (var b in bytes)
        {
            hex.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
