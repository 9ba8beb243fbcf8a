using System.Net;
using System.Text;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// An ingest job's rows as a request body, written to the connection as UTF-8 CSV row by row (<see cref="SalesforceCsv.Cell"/>
/// quoting), with its length (<see cref="Length"/> of every row) counted beforehand so the upload carries a
/// Content-Length as one buffered body would. The rows may be made as they are enumerated.
/// </summary>
internal sealed class SalesforceCsvContent : HttpContent
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly IEnumerable<IReadOnlyList<string>> _rows;
    private readonly long _length;

    public SalesforceCsvContent(IEnumerable<IReadOnlyList<string>> rows, long length)
    {
        _rows = rows;
        _length = length;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    await writer.WriteAsync(',').ConfigureAwait(false);
                }

                await writer.WriteAsync(SalesforceCsv.Cell(row[i]).AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            await writer.WriteAsync('\n').ConfigureAwait(false);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    /// <summary>The bytes a row takes in the body: its quoted cells in UTF-8, the commas between them and the line's end.</summary>
    public static long Length(IReadOnlyList<string> row)
    {
        long length = row.Count;
        foreach (var cell in row)
        {
            length += Utf8.GetByteCount(SalesforceCsv.Cell(cell));
        }

        return length;
    }
}
