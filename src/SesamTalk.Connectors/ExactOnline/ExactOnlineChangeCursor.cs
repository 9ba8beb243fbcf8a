using System.Globalization;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// Where an Exact Online change feed resumes: the sync API <c>Timestamp</c> of the last row read and that of the last
/// <c>sync/Deleted</c> entry read, as <c>rows/deleted</c> (e.g. <c>48213/9120</c>; 0 for a feed not read yet).
/// </summary>
/// <param name="Rows">The last row Timestamp read from the entity's sync endpoint.</param>
/// <param name="Deleted">The last Timestamp read from <c>sync/Deleted</c>.</param>
internal readonly record struct ExactOnlineChangeCursor(long Rows, long Deleted)
{
    /// <summary>Parses a cursor made by <see cref="ToString"/>; null is the start of both feeds.</summary>
    /// <exception cref="FormatException">The text is not an Exact Online change cursor.</exception>
    public static ExactOnlineChangeCursor Parse(string? text)
    {
        if (text is null)
        {
            return default;
        }

        var parts = text.Split('/');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var deleted)
            ? new(rows, deleted)
            : throw new FormatException($"'{text}' is not an Exact Online change cursor (rows/deleted Timestamps).");
    }

    /// <summary>The highest <c>Timestamp</c> field in <paramref name="rows"/>, or <paramref name="current"/> when there is none higher.</summary>
    public static long Latest(IEnumerable<SyncRecord> rows, long current) =>
        rows.Select(r => r.TryGetValue("Timestamp", out var stamp) ? stamp.AsInt64() ?? 0 : 0).Append(current).Max();

    /// <summary>A feed cursor for the client: null (from the beginning) before the first read.</summary>
    public static long? AsAfter(long timestamp) => timestamp == 0 ? null : timestamp;

    /// <inheritdoc />
    public override string ToString() =>
        Rows.ToString(CultureInfo.InvariantCulture) + "/" + Deleted.ToString(CultureInfo.InvariantCulture);
}
