using System.Globalization;

namespace SesamTalk;

/// <summary>
/// A position in a host's change order: (modification time in UTC, id). Changes after a cursor are those with a later
/// time, or the same time and a greater id (ordinal), so a cursor inside a run of equal timestamps loses nothing.
/// </summary>
public readonly struct HostCursor : IEquatable<HostCursor>, IComparable<HostCursor>
{
    /// <summary>Creates the cursor.</summary>
    /// <param name="modifiedAt">The modification time.</param>
    /// <param name="id">The record's id.</param>
    public HostCursor(DateTimeOffset modifiedAt, string id)
    {
        ModifiedAt = modifiedAt.ToUniversalTime();
        Id = id ?? throw new ArgumentNullException(nameof(id));
    }

    /// <summary>The modification time (UTC).</summary>
    public DateTimeOffset ModifiedAt { get; }

    /// <summary>The record's id.</summary>
    public string Id { get; }

    /// <summary>Reads the text form written by <see cref="ToString"/>.</summary>
    /// <param name="text">The stored cursor.</param>
    /// <exception cref="FormatException">The text is not a cursor.</exception>
    public static HostCursor Parse(string text)
    {
        var separator = text?.IndexOf('|') ?? -1;
        if (separator < 0 || !DateTimeOffset.TryParseExact(text!.Substring(0, separator), "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modifiedAt))
        {
            throw new FormatException($"'{text}' is not a host cursor (time|id).");
        }

        return new HostCursor(modifiedAt, text.Substring(separator + 1));
    }

    /// <inheritdoc />
    public int CompareTo(HostCursor other)
    {
        var byTime = ModifiedAt.CompareTo(other.ModifiedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(Id, other.Id);
    }

    /// <inheritdoc />
    public bool Equals(HostCursor other) => CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HostCursor other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (ModifiedAt.GetHashCode() * 397) ^ StringComparer.Ordinal.GetHashCode(Id ?? string.Empty);

    /// <summary>Compares two cursors.</summary>
    public static bool operator ==(HostCursor left, HostCursor right) => left.Equals(right);

    /// <summary>Compares two cursors.</summary>
    public static bool operator !=(HostCursor left, HostCursor right) => !left.Equals(right);

    /// <summary>Orders two cursors.</summary>
    public static bool operator <(HostCursor left, HostCursor right) => left.CompareTo(right) < 0;

    /// <summary>Orders two cursors.</summary>
    public static bool operator >(HostCursor left, HostCursor right) => left.CompareTo(right) > 0;

    /// <summary>Orders two cursors.</summary>
    public static bool operator <=(HostCursor left, HostCursor right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two cursors.</summary>
    public static bool operator >=(HostCursor left, HostCursor right) => left.CompareTo(right) >= 0;

    /// <summary>The text form for storing the cursor: <c>{ISO 8601 UTC}|{id}</c>.</summary>
    public override string ToString() => ModifiedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) + "|" + Id;
}
