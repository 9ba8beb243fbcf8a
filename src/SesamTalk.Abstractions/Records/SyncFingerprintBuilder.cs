using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SesamTalk;

/// <summary>
/// Builds the stable fingerprint of a record's mapped values: the same values give the same fingerprint in every
/// process, culture and time zone, so the engine can tell an echo of its own write, or two records that already
/// agree, from a real change. Generated mappers add their fields in a fixed order.
/// </summary>
public sealed class SyncFingerprintBuilder
{
    // Separators that cannot occur in field names and make the encoding unambiguous.
    private const char FieldSeparator = '\u001E';
    private const char PartSeparator = '\u001F';

    private readonly StringBuilder _text = new();

    /// <summary>
    /// Adds a field of <paramref name="record"/>, read as <paramref name="kind"/> first, so that a number or date a
    /// connector delivered as text agrees with the same value from the host. An absent field counts as null, and
    /// null and "" are both empty. A value that cannot be read as <paramref name="kind"/> counts as its own text.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="field">The field's API name.</param>
    /// <param name="kind">The kind of value the field carries.</param>
    /// <returns>This builder.</returns>
    public SyncFingerprintBuilder Add(SyncRecord record, string field, SyncValueKind kind)
    {
        record.TryGetValue(field, out var value);
        return Append(field, SyncValueText.Canonical(Coerce(value, kind)));
    }

    /// <summary>
    /// Adds a field that holds child records, each fingerprinted by <paramref name="childMapper"/>. Children are
    /// compared as a set, so two systems that order lines differently still agree.
    /// </summary>
    /// <param name="record">The parent record.</param>
    /// <param name="field">The field carrying the children.</param>
    /// <param name="direction">Which of the children's fields count (see <see cref="IEntityMapper.Fingerprint"/>).</param>
    /// <param name="childMapper">The mapper of the child type.</param>
    /// <returns>This builder.</returns>
    public SyncFingerprintBuilder AddChildren(SyncRecord record, string field, FieldDirection direction, IEntityMapper childMapper)
    {
        if (!record.TryGetValue(field, out var value) || value.IsNull)
        {
            return Append(field, string.Empty);
        }

        // A child marked deleted is one an update removes (see ISyncConnector.UpdateAsync): not part of the record.
        var prints = value.AsRecords()!
            .Where(child => !child.IsDeleted)
            .Select(child => childMapper.Fingerprint(child, direction))
            .ToArray();

        Array.Sort(prints, StringComparer.Ordinal);
        return Append(field, "[" + string.Join(",", prints) + "]");
    }

    /// <summary>The fingerprint: 32 lower-case hex digits (the first 128 bits of a SHA-256 of the canonical encoding).</summary>
    public override string ToString()
    {
        var bytes = Encoding.UTF8.GetBytes(_text.ToString());
#if NET5_0_OR_GREATER
        var hash = SHA256.HashData(bytes);
#else
        byte[] hash;
        using (var sha = SHA256.Create())
        {
            hash = sha.ComputeHash(bytes);
        }
#endif

        var hex = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            hex.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    private static SyncValue Coerce(SyncValue value, SyncValueKind kind)
    {
        if (value.Kind == kind || value.Kind == SyncValueKind.Null)
        {
            return value;
        }

        try
        {
            return kind switch
            {
                SyncValueKind.Number => SyncValue.From(value.AsDecimal()),
                SyncValueKind.Boolean => SyncValue.From(value.AsBoolean()),
                SyncValueKind.DateTime => SyncValue.From(value.AsDateTimeOffset()),
                SyncValueKind.Date => value.AsDate() is { } date ? SyncValue.FromDate(date) : SyncValue.Null,
                SyncValueKind.String => SyncValue.From(value.AsString()),
                _ => value,
            };
        }
        catch (SyncValueException)
        {
            return value;
        }
    }

    private SyncFingerprintBuilder Append(string field, string canonical)
    {
        _text.Append(field.ToUpperInvariant()).Append(PartSeparator)
            .Append(canonical.Length.ToString(CultureInfo.InvariantCulture)).Append(PartSeparator)
            .Append(canonical).Append(FieldSeparator);
        return this;
    }
}
