using System.Text;

namespace SesamTalk;

/// <summary>The comparable form of match-key values, shared by record matching and line pairing.</summary>
public static class SyncMatchValue
{
    /// <summary>
    /// Trimmed, inner whitespace collapsed to one space, upper-cased invariant text; null for an empty value or a child
    /// collection, which never match.
    /// </summary>
    /// <param name="value">A match-key value.</param>
    /// <returns>The comparable text, or null.</returns>
    public static string? Normalise(SyncValue value)
    {
        if (value.IsEmpty || value.Kind == SyncValueKind.Records)
        {
            return null;
        }

        var text = value.ToString();
        var normalised = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = normalised.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                normalised.Append(' ');
                pendingSpace = false;
            }

            normalised.Append(char.ToUpperInvariant(character));
        }

        return normalised.Length == 0 ? null : normalised.ToString();
    }

    /// <summary>The normalised value of <paramref name="field"/> in <paramref name="record"/>, or null when it has none.</summary>
    /// <param name="record">The record.</param>
    /// <param name="field">The match-key field.</param>
    /// <returns>The comparable text, or null.</returns>
    public static string? Of(SyncRecord record, string field) =>
        record is not null && record.TryGetValue(field, out var value) ? Normalise(value) : null;
}
