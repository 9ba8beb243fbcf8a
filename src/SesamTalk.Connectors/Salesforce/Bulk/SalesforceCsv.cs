using System.Runtime.CompilerServices;
using System.Text;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The CSV of the connector's Bulk API 2.0 jobs (comma, LF, RFC 4180 quoting): rows it uploads, and result files and
/// query results it reads. Both ways stream: a job's data or a set of results (10,000 records, megabytes of text) is
/// never one string, which would land on the large-object heap and stay there, a unit after another, until a full
/// collection.
/// </summary>
internal static class SalesforceCsv
{
    private const int BufferSize = 16 * 1024;

    /// <summary>A cell quoted where it must be.</summary>
    public static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Reads rows of cells from <paramref name="text"/> as they arrive.</summary>
    /// <exception cref="FormatException">A quoted cell never ends (a cut-off body).</exception>
    public static async IAsyncEnumerable<string[]> ReadAsync(TextReader text, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new char[BufferSize];
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var started = false;
        var quoteEnded = false; // a quote inside a quoted cell: the cell's end, or the first of two that stand for one
        int read;
        while ((read = await text.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (quoteEnded)
                {
                    quoteEnded = false;
                    if (c == '"')
                    {
                        cell.Append('"');
                        continue;
                    }

                    quoted = false;
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        quoteEnded = true;
                    }
                    else
                    {
                        cell.Append(c);
                    }

                    continue;
                }

                switch (c)
                {
                    case '"' when cell.Length == 0:
                        quoted = started = true;
                        break;
                    case ',':
                        cells.Add(cell.ToString());
                        cell.Clear();
                        started = true;
                        break;
                    case '\n':
                        cells.Add(cell.ToString().TrimEnd('\r'));
                        yield return [.. cells];
                        cells.Clear();
                        cell.Clear();
                        started = false;
                        break;
                    default:
                        cell.Append(c);
                        started = true;
                        break;
                }
            }
        }

        if (quoted && !quoteEnded)
        {
            throw new FormatException("The CSV ends inside a quoted value: the body was cut off.");
        }

        if (started || cell.Length > 0)
        {
            cells.Add(cell.ToString());
            yield return [.. cells];
        }
    }

    /// <summary>Reads the rows of a response's CSV body as it arrives.</summary>
    public static async IAsyncEnumerable<string[]> ReadAsync(HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var body = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        await foreach (var row in ReadAsync(body, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }
}
