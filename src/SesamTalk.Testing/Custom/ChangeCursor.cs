using System.Globalization;
using System.Text;

namespace SesamTalk.Testing.Custom;

/// <summary>
/// A position in a type's change feed: the (modification stamp, id) of the last record a client has seen. The
/// feed is ordered by stamp, then by id (ordinal), so records sharing one millisecond are never lost at a page
/// edge. On the wire it travels as opaque text (<see cref="Encode"/>).
/// </summary>
/// <param name="ModifiedAt">The stamp of the last record seen (UTC, whole milliseconds).</param>
/// <param name="Id">The id of the last record seen.</param>
public readonly record struct ChangeCursor(DateTimeOffset ModifiedAt, string Id)
{
    private const string Prefix = "v1|";

    /// <summary>Whether <paramref name="record"/> comes after this position in the feed.</summary>
    /// <param name="record">A record of the same type.</param>
    public bool IsBefore(CustomRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return IsBefore(record.ModifiedAt, record.Id);
    }

    /// <summary>Whether the position (<paramref name="modifiedAt"/>, <paramref name="id"/>) comes after this one in the feed.</summary>
    /// <param name="modifiedAt">A record's stamp.</param>
    /// <param name="id">The record's id.</param>
    public bool IsBefore(DateTimeOffset modifiedAt, string id)
    {
        var byStamp = ModifiedAt.UtcTicks.CompareTo(modifiedAt.UtcTicks);
        return byStamp < 0 || (byStamp == 0 && string.CompareOrdinal(Id, id) < 0);
    }

    /// <summary>The opaque wire form: URL-safe base64 without padding.</summary>
    public string Encode()
    {
        var text = Prefix + ModifiedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "|" + Id;
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor made by <see cref="Encode"/>; false for anything else.</summary>
    /// <param name="text">The wire form.</param>
    /// <param name="cursor">The cursor, when the text is one.</param>
    public static bool TryDecode(string text, out ChangeCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(text);
        cursor = default;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[base64.Length];
        if (base64.Length > 1024 || !Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return false;
        }

        var decoded = Encoding.UTF8.GetString(bytes[..length]);
        var parts = decoded.Split('|', 3);
        if (parts.Length != 3 || parts[0] + "|" != Prefix || parts[2].Length == 0
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var millis)
            || millis > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        cursor = new ChangeCursor(DateTimeOffset.FromUnixTimeMilliseconds(millis), parts[2]);
        return true;
    }
}
