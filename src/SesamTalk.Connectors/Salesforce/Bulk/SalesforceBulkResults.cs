using System.Net;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The outcomes in an ingest job's result files, by the content of the row each is about
/// (<see cref="SalesforceBulkUpload.Content"/>): <c>successfulResults</c> rows (<c>sf__Id</c>, <c>sf__Created</c>) and
/// <c>failedResults</c> rows (<c>sf__Id</c>, <c>sf__Error</c> as <c>CODE:message:Field,Field --</c>), each followed by the
/// row's cells as uploaded. Rows with equal cells share a hash and take its outcomes in turn.
/// </summary>
internal sealed class SalesforceBulkResults
{
    // One outcome a content, as nearly every row's cells differ; the outcomes of rows with equal cells queue in _repeated.
    private readonly Dictionary<string, SalesforceWriteResult> _byContent;
    private readonly Dictionary<string, Queue<SalesforceWriteResult>> _repeated = new(StringComparer.Ordinal);

    private SalesforceBulkResults(int rows) => _byContent = new(rows, StringComparer.Ordinal);

    /// <summary>How many rows the successful and failed result files hold: the rows the job processed.</summary>
    public int Processed { get; private set; }

    /// <summary>Reads the result files of a job as they arrive: <paramref name="file"/> streams the rows of the file it is named.</summary>
    /// <param name="file">The rows of a result file (<c>successfulResults</c>, <c>failedResults</c>, <c>unprocessedrecords</c>).</param>
    /// <param name="withUnprocessed">Whether to read the unprocessed records too (a job that did not complete).</param>
    /// <param name="rows">How many rows the job holds, as its info counts them: the outcomes are sized for them at once (a
    /// job's worth grown by doubling would leave a large array on the large-object heap at each step).</param>
    public static async Task<SalesforceBulkResults> ReadAsync(Func<string, IAsyncEnumerable<string[]>> file, bool withUnprocessed, int rows)
    {
        var results = new SalesforceBulkResults(rows);
        results.Processed = await results.AddAsync(file("successfulResults"), sfColumns: 2, row => new SalesforceWriteResult(row[0], null)).ConfigureAwait(false)
            + await results.AddAsync(file("failedResults"), sfColumns: 2, row => new SalesforceWriteResult(row[0].Length == 0 ? null : row[0], Error(row[1], row[0]))).ConfigureAwait(false);
        if (withUnprocessed)
        {
            await results.AddAsync(file("unprocessedrecords"), sfColumns: 0, _ => Unprocessed).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>Marks a row the job never reached (in the unprocessed-records file).</summary>
    public static SalesforceWriteResult Unprocessed { get; } = new(null, new SalesforceApiException(HttpStatusCode.OK, "UNPROCESSED", "The job ended before it reached the row.", []));

    /// <summary>Takes the next outcome for a row with this content, or null when the files hold none for it.</summary>
    public SalesforceWriteResult? Take(string content)
    {
        if (_byContent.Remove(content, out var outcome))
        {
            return outcome;
        }

        return _repeated.TryGetValue(content, out var outcomes) && outcomes.TryDequeue(out outcome) ? outcome : null;
    }

    /// <summary>Reads <c>CODE:message:Field,Field --</c>; a message may hold colons, the field list never does.</summary>
    public static SalesforceApiException Error(string text, string? recordId)
    {
        var body = text.EndsWith(" --", StringComparison.Ordinal) ? text[..^3] : text;
        var codeEnd = body.IndexOf(':', StringComparison.Ordinal);
        if (codeEnd < 0)
        {
            return new SalesforceApiException(HttpStatusCode.BadRequest, "UNKNOWN_EXCEPTION", body, [], NullIfEmpty(recordId));
        }

        var rest = body[(codeEnd + 1)..];
        var fieldsStart = rest.LastIndexOf(':');
        var fields = fieldsStart < 0 ? [] : rest[(fieldsStart + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var message = fieldsStart < 0 ? rest : rest[..fieldsStart];
        return new SalesforceApiException(HttpStatusCode.BadRequest, body[..codeEnd], message, fields, NullIfEmpty(recordId));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Adds a file's outcomes; returns how many rows it holds.</summary>
    private async Task<int> AddAsync(IAsyncEnumerable<string[]> file, int sfColumns, Func<string[], SalesforceWriteResult> outcome)
    {
        List<string>? header = null;
        var count = 0;
        try
        {
            await foreach (var row in file.ConfigureAwait(false))
            {
                if (header is null)
                {
                    header = [.. row.Skip(sfColumns)];
                    continue;
                }

                if (row.Length != header.Count + sfColumns)
                {
                    throw new SalesforceApiException(HttpStatusCode.OK, SystemApiException.MalformedResponse, $"A result row has {row.Length} values for {header.Count + sfColumns} columns.", []);
                }

                Add(SalesforceBulkUpload.Content(header, row.Skip(sfColumns)), outcome(row));
                count++;
            }
        }
        catch (FormatException cut)
        {
            throw new SalesforceApiException(HttpStatusCode.OK, SystemApiException.MalformedResponse, cut.Message, []);
        }

        return count;
    }

    /// <summary>Files an outcome under its row's content; a second row with the same content queues behind the first.</summary>
    private void Add(string content, SalesforceWriteResult outcome)
    {
        if (!_byContent.ContainsKey(content) && !_repeated.ContainsKey(content))
        {
            _byContent[content] = outcome;
            return;
        }

        if (!_repeated.TryGetValue(content, out var outcomes))
        {
            _repeated[content] = outcomes = new Queue<SalesforceWriteResult>();
        }

        if (_byContent.Remove(content, out var first))
        {
            outcomes.Enqueue(first);
        }

        outcomes.Enqueue(outcome);
    }
}
