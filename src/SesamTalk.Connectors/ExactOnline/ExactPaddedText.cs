namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// Text Exact Online keeps in fixed-width columns and answers padded: an account's <c>Code</c> right-aligned in 18
/// characters (<c>"            C-1001"</c>), ISO country codes (<c>"NL "</c>), VAT codes (<c>"03 "</c>), language and
/// search codes with trailing spaces. The connector reads them trimmed, so the host keeps and matches <c>C-1001</c> and a read-back of its own
/// write is no change, and it searches them with <c>trim(...)</c>; writes go out as they are and Exact pads them again.
/// </summary>
internal static class ExactPaddedText
{
    /// <summary>Whether <paramref name="field"/> of <paramref name="set"/> is answered padded.</summary>
    public static bool IsPadded(string set, string field) =>
        field is "Country" or "Language" or "SearchCode"
        || field.EndsWith("VATCode", StringComparison.Ordinal)
        || (set == "Accounts" && field == "Code");

    /// <summary>The filter operand that compares <paramref name="field"/> without its padding.</summary>
    public static string Operand(string set, string field) => IsPadded(set, field) ? $"trim({field})" : field;
}
