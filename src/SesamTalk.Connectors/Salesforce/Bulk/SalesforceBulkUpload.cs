using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The CSV of an ingest job and, per row, the hash of its cells (<see cref="Content"/>): result files repeat each row's
/// cells after their sf__ columns, and the order of their rows is not guaranteed, so a result finds its row by it.
/// </summary>
/// <param name="Rows">The rows to upload, the header first (written out as CSV by <see cref="SalesforceCsvContent"/>), made
/// from the records each time they are enumerated (hashed and counted, then sent): a job's cells are never all in memory
/// at once, nor kept through the job's wait and its results as a whole table would be.</param>
/// <param name="Contents">The hash of each row, in the order of the records it was built from.</param>
/// <param name="Length">The bytes of the rows as CSV (<see cref="SalesforceCsvContent.Length"/>).</param>
internal sealed record SalesforceBulkUpload(IEnumerable<IReadOnlyList<string>> Rows, IReadOnlyList<string> Contents, long Length)
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

    /// <summary>
    /// The hash of a row's cells under their column names, as uploaded and as result files repeat them: the first 16 bytes
    /// of the SHA-256 of the UTF-8 of <c>name U+001F cell U+001E</c> per cell, in base 64. Encoded piece by piece into a
    /// pooled buffer (the same bytes: a separator stands between any two pieces, so no character pair spans them), as it
    /// runs for every row of a job twice, once uploaded and once in its results.
    /// </summary>
    public static string Content(IReadOnlyList<string> header, IEnumerable<string> cells)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            var length = 0;
            var i = 0;
            foreach (var cell in cells)
            {
                length = Append(ref buffer, length, header[i++]);
                length = Append(ref buffer, length, "\u001f");
                length = Append(ref buffer, length, cell);
                length = Append(ref buffer, length, "\u001e");
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToBase64String(hash[..16]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Encodes <paramref name="text"/> after the first <paramref name="length"/> bytes of the buffer, renting a larger one when it does not fit.</summary>
    private static int Append(ref byte[] buffer, int length, string text)
    {
        var needed = length + Encoding.UTF8.GetMaxByteCount(text.Length);
        if (needed > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 2 * buffer.Length));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        return length + Encoding.UTF8.GetBytes(text, buffer.AsSpan(length));
    }

    /// <summary>The upload of lazily made <paramref name="rows"/>; their contents are hashed and counted now (a record that cannot be written fails here).</summary>
    private static SalesforceBulkUpload Build(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var contents = new List<string>(rows.TryGetNonEnumeratedCount(out var count) ? count : 0);
        var length = SalesforceCsvContent.Length(header);
        foreach (var row in rows)
        {
            contents.Add(Content(header, row));
            length += SalesforceCsvContent.Length(row);
        }

        return new(rows.Prepend(header), contents, length);
    }
}
