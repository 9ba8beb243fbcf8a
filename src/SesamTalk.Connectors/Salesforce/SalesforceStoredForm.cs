using System.Globalization;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The record Salesforce stores for a create, predicted from what the create sent and what describe says of each field,
/// so the engine need not read it back (sObject Collections and Bulk API 2.0 answer a create with its id only). The
/// rewrites predicted are the documented ones (docs/canonical-forms.md): text trimmed at both ends as Java's
/// <c>trim</c> trims it and empty text stored as null, datetimes cut to the second, numbers held as doubles, 15-character
/// ids stored in their 18-character form. Where the stored value is not certain there is no prediction, and the engine
/// reads the record back: a field Salesforce fills or computes (a default, a formula, a roll-up such as
/// <c>Order.TotalAmount</c>, an auto-number), a field a create cannot set, rich or encrypted text, multi-select
/// picklists, a picklist value spelt otherwise than its definition, a number with more decimals than the field's scale,
/// a value of a kind the field does not take, a field describe does not know.
/// </summary>
internal static class SalesforceStoredForm
{
    private const string ChecksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>What Java's <c>trim</c> takes off the ends of text: every character up to U+0020 (a non-breaking space stays).</summary>
    private static readonly string TrimmedCharacters = string.Concat(Enumerable.Range(0, 0x21).Select(code => (char)code));

    /// <summary>
    /// The record as a read of <paramref name="id"/> would give it after the create of <paramref name="sent"/>: the fields
    /// the mapper reads, <c>Id</c> and <c>IsDeleted</c>; null when any of the mapper's fields is not certain.
    /// </summary>
    public static SyncRecord? Predict(IEntityMapper mapper, SyncRecord sent, string id, IReadOnlyDictionary<string, SalesforceFieldDescribe> fields)
    {
        var stored = new SyncRecord(sent.Type, id) { ["Id"] = SyncValue.From(id) };
        if (fields.ContainsKey("IsDeleted"))
        {
            stored["IsDeleted"] = SyncValue.From(false);
        }

        foreach (var name in mapper.ReadFields())
        {
            if (!fields.TryGetValue(name, out var field) || Stored(field, sent.TryGetValue(name, out var value) ? value : null) is not { } kept)
            {
                return null;
            }

            stored[field.Name] = kept;
        }

        return stored;
    }

    /// <summary>What Salesforce stores in <paramref name="field"/> when a create sends <paramref name="sent"/> (null: the create left the field out), or null when that is not certain.</summary>
    public static SyncValue? Stored(SalesforceFieldDescribe field, SyncValue? sent)
    {
        // A value sent wins over a default; what Salesforce fills in for a field left out or sent empty is its own.
        var leftToSalesforce = sent is not { IsNull: false };
        if (!field.Createable || (leftToSalesforce && field.FilledByServer))
        {
            return null;
        }

        var stored = leftToSalesforce ? SyncValue.Null : Rewritten(field, sent!.Value);
        return stored is { IsNull: true } && !field.Nillable ? null : stored;
    }

    private static SyncValue? Rewritten(SalesforceFieldDescribe field, SyncValue value) => (field.Type, value.Kind) switch
    {
        ("string" or "textarea" or "email" or "phone" or "url" or "combobox", SyncValueKind.String) when !field.Rewritten => Trimmed(value.AsString()!),
        ("picklist", SyncValueKind.String) when Trimmed(value.AsString()!) is var text && SpeltAsDefined(field, text.AsString()) => text,
        ("boolean", SyncValueKind.Boolean) => value,
        ("int" or "long", SyncValueKind.Number) when decimal.IsInteger(value.AsDecimal()!.Value) => value,
        ("double" or "currency" or "percent", SyncValueKind.Number) => AsDouble(field, value.AsDecimal()!.Value),
        ("date", SyncValueKind.Date) => value,
        ("datetime", SyncValueKind.DateTime) => ToTheSecond(value.AsDateTimeOffset()!.Value),
        ("reference", SyncValueKind.String) => EighteenCharacters(value.AsString()!) is { } id ? SyncValue.From(id) : null,
        _ => null,
    };

    /// <summary>Text without <see cref="TrimmedCharacters"/> at either end, null when nothing is left.</summary>
    private static SyncValue Trimmed(string text)
    {
        var kept = text.AsSpan().Trim(TrimmedCharacters);
        return kept.IsEmpty ? SyncValue.Null : SyncValue.From(kept.Length == text.Length ? text : kept.ToString());
    }

    /// <summary>Whether a picklist value is stored as sent: Salesforce matches it against the defined values ignoring case, and which spelling it keeps then is not documented.</summary>
    private static bool SpeltAsDefined(SalesforceFieldDescribe field, string? text) =>
        text is null || !field.PicklistValues.Any(defined => string.Equals(defined, text, StringComparison.OrdinalIgnoreCase) && !string.Equals(defined, text, StringComparison.Ordinal));

    /// <summary>
    /// The decimal a read gives after Salesforce held the sent one as a double (the text sent, parsed as a double, read
    /// back in its shortest form); null beyond the field's scale (whether the API rounds those is not recorded) or beyond
    /// a decimal's range.
    /// </summary>
    private static SyncValue? AsDouble(SalesforceFieldDescribe field, decimal sent)
    {
        if (field.Scale is { } scale && decimal.Round(sent, Math.Min(scale, 28)) != sent)
        {
            return null;
        }

        var held = double.Parse(sent.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        return decimal.TryParse(held.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var read) ? SyncValue.From(read) : null;
    }

    private static SyncValue ToTheSecond(DateTimeOffset sent) =>
        SyncValue.From(new DateTimeOffset(sent.UtcTicks - (sent.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));

    /// <summary>
    /// The 18-character form of a record id: the 15 case-sensitive characters and a checksum of three characters, one
    /// per five, whose bits mark the upper-case letters. An 18-character id whose checksum does not match is no id.
    /// </summary>
    private static string? EighteenCharacters(string id)
    {
        if (id.Length is not (15 or 18) || !id.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var checksum = new char[3];
        for (var part = 0; part < 3; part++)
        {
            var bits = 0;
            for (var at = 0; at < 5; at++)
            {
                bits |= char.IsAsciiLetterUpper(id[(part * 5) + at]) ? 1 << at : 0;
            }

            checksum[part] = ChecksumAlphabet[bits];
        }

        var full = string.Concat(id.AsSpan(0, 15), checksum);
        return id.Length == 15 || string.Equals(full, id, StringComparison.OrdinalIgnoreCase) ? full : null;
    }
}
