using System.Security.Cryptography;
using System.Text;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The CSV of an ingest job and, per row, the hash of its cells (<see cref="Content"/>): result files repeat each row's
/// cells after their sf__ columns, and the order of their rows is not guaranteed, so a result finds its row by it.
/// </summary>
/// <param name="Rows">The rows to upload, the header first (written out as CSV by <see cref="SalesforceCsvContent"/>), made
/// from the records each time they are enumerated (counted, then sent): a job's cells are never all in memory at once, nor
/// kept through the job's wait and its results as a whole table would be.</param>
/// <param name="Contents">The hash of each row, in the order of the records it was built from.</param>
internal sealed record SalesforceBulkUpload(IEnumerable<IReadOnlyList<string>> Rows, IReadOnlyList<string> Contents)
{
    /// <summary>
    /// The rows of <paramref name="records"/>: a column per scalar field any of them has (Id first when
    /// <paramref name="includeId"/>), an empty cell where a record lacks the field (Bulk API leaves it as it is).
    /// </summary>
    public static SalesforceBulkUpload Of(IReadOnlyList<SyncRecord> records, bool includeId)
    {
        var header = new List<string>();
        if (includeId)
        {
            header.Add("Id");
        }

        var seen = new HashSet<string>(header, StringComparer.OrdinalIgnoreCase);
        foreach (var (field, value) in records.SelectMany(record => record))
        {
            // Child records travel in their own calls; Id is the record's identity, not a field to write.
            if (value.Kind != SyncValueKind.Records && !field.Equals("Id", StringComparison.OrdinalIgnoreCase) && seen.Add(field))
            {
                header.Add(field);
            }
        }

        return Build(header, records.Select(record => (IReadOnlyList<string>)[.. header.Select(field =>
            field == "Id" && includeId ? record.Id ?? throw new ArgumentException($"{record} has no Id to update.", nameof(records))
            : record.TryGetValue(field, out var value) ? SalesforceBulkCell.Write(value) : "")]));
    }

    /// <summary>The rows of a delete job: an Id column.</summary>
    public static SalesforceBulkUpload OfIds(IReadOnlyList<string> ids) => Build(["Id"], ids.Select(id => (IReadOnlyList<string>)[id]));

    /// <summary>The hash of a row's cells under their column names, as uploaded and as result files repeat them.</summary>
    public static string Content(IReadOnlyList<string> header, IEnumerable<string> cells)
    {
        var text = new StringBuilder();
        var i = 0;
        foreach (var cell in cells)
        {
            text.Append(header[i++]).Append('\u001f').Append(cell).Append('\u001e');
        }

        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 16);
    }

    /// <summary>The upload of lazily made <paramref name="rows"/>; their contents are hashed now (a record that cannot be written fails here).</summary>
    private static SalesforceBulkUpload Build(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        new(rows.Prepend(header), [.. rows.Select(row => Content(header, row))]);
}
