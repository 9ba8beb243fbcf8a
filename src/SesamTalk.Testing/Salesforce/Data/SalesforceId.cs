namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>Salesforce record ids: 15 case-sensitive characters plus a 3-character case checksum.</summary>
internal static class SalesforceId
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>Builds an 18-character id from a key prefix, a two-character pod part and a sequence number.</summary>
    public static string Create(string keyPrefix, string pod, long sequence)
    {
        Span<char> number = stackalloc char[10];
        for (var i = number.Length - 1; i >= 0; i--)
        {
            number[i] = Base62[(int)(sequence % 62)];
            sequence /= 62;
        }

        return WithSuffix(string.Concat(keyPrefix, pod, number.ToString()));
    }

    /// <summary>
    /// Returns the 18-character form of a 15- or 18-character id, or null when the value is not a well-formed id.
    /// An 18-character id must carry the checksum of its first 15 characters.
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (value is null || (value.Length != 15 && value.Length != 18) || !value.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var full = WithSuffix(value[..15]);
        return value.Length == 15 || string.Equals(full[15..], value[15..], StringComparison.OrdinalIgnoreCase) ? full : null;
    }

    /// <summary>
    /// Appends the checksum: for each 5-character chunk set bit i when character i is an upper-case letter,
    /// then map the 0-31 value through A-Z0-5.
    /// </summary>
    private static string WithSuffix(string id15)
    {
        Span<char> suffix = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id15[(chunk * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            suffix[chunk] = SuffixAlphabet[bits];
        }

        return string.Concat(id15, suffix.ToString());
    }
}
