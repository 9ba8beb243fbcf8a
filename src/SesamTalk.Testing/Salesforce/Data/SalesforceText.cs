namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>
/// What Salesforce stores of a text value: sObject String fields "can never be empty (only null), and they can never
/// include leading and trailing whitespace" (Apex Developer Guide, Primitive Data Types: "the same rules as in the SOAP
/// API"). The ends are trimmed as Java's <c>String.trim</c> trims them, characters up to U+0020, so a non-breaking
/// space stays.
/// </summary>
internal static class SalesforceText
{
    /// <summary>The stored form of <paramref name="text"/>: trimmed, and null when nothing is left.</summary>
    public static string? Stored(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && text[start] <= ' ')
        {
            start++;
        }

        while (end > start && text[end - 1] <= ' ')
        {
            end--;
        }

        return start == end ? null : text[start..end];
    }
}
