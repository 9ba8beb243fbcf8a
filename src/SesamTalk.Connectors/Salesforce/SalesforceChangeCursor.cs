namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Where a Salesforce change feed resumes: the last record's <c>SystemModstamp</c> in Salesforce's wire form and its
/// Id, as <c>2024-09-10T14:20:17.000+0000/0015g00000AbCdEAAK</c>. Records after it in (SystemModstamp, Id) order come next.
/// A cursor text may go on with <see cref="SalesforceOverlapMemory"/>'s records already delivered inside the change
/// overlap, after a <c>|</c>; this type reads only the position before it.
/// </summary>
/// <param name="Modstamp">The last record's SystemModstamp.</param>
/// <param name="Id">The last record's Id.</param>
internal readonly record struct SalesforceChangeCursor(DateTimeOffset Modstamp, string Id)
{
    private const char Separator = '/';

    /// <summary>The cursor after <paramref name="record"/>, which must carry its Id and SystemModstamp.</summary>
    public static SalesforceChangeCursor After(SyncRecord record) =>
        new(record.ModifiedAt ?? throw new FormatException($"{record} has no SystemModstamp."), record.Id ?? throw new FormatException($"{record} has no Id."));

    /// <summary>Parses a cursor made by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text is not a Salesforce change cursor.</exception>
    public static SalesforceChangeCursor Parse(string text)
    {
        text = text.Split(SalesforceOverlapMemory.Separator, 2)[0];
        var separator = text.LastIndexOf(Separator);
        if (separator <= 0 || separator == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not a Salesforce change cursor (SystemModstamp{Separator}Id).");
        }

        return new(SalesforceWireFormat.ParseDateTime(text[..separator]), text[(separator + 1)..]);
    }

    /// <summary>The later of two cursors in (SystemModstamp, Id) order; a missing one counts as the earliest.</summary>
    public static SalesforceChangeCursor Latest(SalesforceChangeCursor? first, SalesforceChangeCursor second) =>
        first is { } a && (a.Modstamp > second.Modstamp || (a.Modstamp == second.Modstamp && string.CompareOrdinal(a.Id, second.Id) > 0)) ? a : second;

    /// <inheritdoc />
    public override string ToString() => SalesforceWireFormat.FormatDateTime(Modstamp) + Separator + Id;
}
