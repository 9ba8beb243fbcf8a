namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// EntityElement lists (<c>Emails</c>, <c>Phones</c>, <c>Urls</c>…) that a mapper maps to a text property (the catalog
/// types them <c>email</c>/<c>phone</c>/<c>url</c>, text to a host): read as the first element's <c>Value</c>, the
/// primary one in SuperOffice; written as the first element, with the entity's other elements kept behind it.
/// </summary>
internal static class SuperOfficeTextElements
{
    /// <summary>The element fields <paramref name="mapper"/> wants as text.</summary>
    public static IReadOnlyList<string> TextFields(IEntityMapper mapper, SuperOfficeEntity entity) =>
        [.. mapper.Fields.Where(f => f.Kind == SyncValueKind.String && entity.ElementFields.Contains(f.Field)).Select(f => f.Field)];

    /// <summary>Replaces each text-mapped element list in <paramref name="record"/> by its first element's Value (null when empty).</summary>
    public static void ToText(SyncRecord record, IReadOnlyList<string> textFields)
    {
        foreach (var field in textFields)
        {
            if (record.TryGetValue(field, out var value) && value.Kind == SyncValueKind.Records)
            {
                record[field] = value.AsRecords() is [var first, ..] && first.TryGetValue("Value", out var text) ? text : SyncValue.Null;
            }
        }
    }

    /// <summary>Whether <paramref name="record"/> writes text to an element list (and so needs the stored list to keep its other elements).</summary>
    public static bool WritesText(SyncRecord record, SuperOfficeEntity entity) =>
        record.Any(f => f.Value.Kind == SyncValueKind.String && entity.ElementFields.Contains(f.Key));

    /// <summary>
    /// A copy of <paramref name="record"/> whose text element values become the first element of the stored list
    /// (its Description kept), the stored elements after the first kept behind it.
    /// </summary>
    public static SyncRecord ToElements(SyncRecord record, SuperOfficeEntity entity, SyncRecord stored)
    {
        var copy = new SyncRecord(record.Type, record.Id);
        foreach (var (field, value) in record)
        {
            copy[field] = value.Kind == SyncValueKind.String && entity.ElementFields.Contains(field)
                ? SyncValue.From([First(value, stored, field), .. Stored(stored, field).Skip(1)])
                : value;
        }

        return copy;
    }

    private static SyncRecord First(SyncValue text, SyncRecord stored, string field)
    {
        var first = new SyncRecord("EntityElement") { ["Value"] = text };
        if (Stored(stored, field) is [var current, ..] && current.TryGetValue("Description", out var description))
        {
            first["Description"] = description;
        }

        return first;
    }

    private static IReadOnlyList<SyncRecord> Stored(SyncRecord stored, string field) =>
        stored.TryGetValue(field, out var value) && value.AsRecords() is { } elements ? elements : [];
}
