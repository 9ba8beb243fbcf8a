using System.Globalization;

namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// Where a SuperOffice change feed resumes: the last archive row's <c>updatedDate</c> (UTC, to the second, as the
/// archive shows it) and primary key, as <c>2024-09-10T12:00:30/123</c>. A read resumes at the start of that second,
/// the rows of the second included again (see <see cref="SuperOfficeClient.ReadChangePagesAsync"/>); the key names
/// the row the cursor was taken after.
/// </summary>
/// <param name="Updated">The last row's UpdatedDate.</param>
/// <param name="Key">The last row's primary key.</param>
internal readonly record struct SuperOfficeChangeCursor(DateTimeOffset Updated, int Key)
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>The cursor after <paramref name="row"/>, which must carry its id and UpdatedDate.</summary>
    public static SuperOfficeChangeCursor After(SyncRecord row) => new(
        row.ModifiedAt ?? throw new FormatException($"{row} has no UpdatedDate."),
        int.Parse(row.Id ?? throw new FormatException($"{row} has no id."), NumberStyles.None, CultureInfo.InvariantCulture));

    /// <summary>Parses a cursor made by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text is not a SuperOffice change cursor.</exception>
    public static SuperOfficeChangeCursor Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2
            && DateTimeOffset.TryParseExact(parts[0], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var updated)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            ? new(updated, key)
            : throw new FormatException($"'{text}' is not a SuperOffice change cursor (updatedDate/key).");
    }

    /// <inheritdoc />
    public override string ToString() =>
        Updated.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture) + "/" + Key.ToString(CultureInfo.InvariantCulture);
}
