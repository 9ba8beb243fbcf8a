using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Data;

namespace SesamTalk.Testing.Salesforce.Soql;

/// <summary>
/// Open query locators. A query's rows are captured when it runs, as a server-side cursor does, so pages behind
/// <c>nextRecordsUrl</c> neither lose nor repeat rows whatever is written meanwhile. An open locator keeps its rows as
/// UTF-8 JSON, a compact snapshot with no object graph for the collector to walk (a million projected rows as
/// <see cref="JsonObject"/>s took more memory than the records themselves), and parses a page's rows back when it is
/// read; they were written with the escaping responses use, so the page's bytes are what the rows would have given.
/// </summary>
internal sealed class QueryCursors
{
    // As Http.ResponseWriter writes responses: a row written again after the round trip keeps its bytes.
    private static readonly JsonSerializerOptions Snapshot = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ConcurrentDictionary<string, (List<byte[]> Rows, int BatchSize)> _open = new(StringComparer.Ordinal);
    private long _sequence = Random.Shared.NextInt64(1_000, 1_000_000);

    /// <summary>Builds the first page; when rows remain, opens a locator for the rest.</summary>
    public JsonObject FirstPage(List<JsonObject> rows, int totalSize, int batchSize, string dataPath)
    {
        if (rows.Count <= batchSize)
        {
            return Page(rows.Select(r => r.DeepClone()), totalSize, null);
        }

        var locator = SalesforceId.Create("01g", "0A", Interlocked.Increment(ref _sequence));
        _open[locator] = ([.. rows.Select(row => JsonSerializer.SerializeToUtf8Bytes(row, Snapshot))], batchSize);
        return Page(rows.GetRange(0, batchSize).Select(r => r.DeepClone()), totalSize, $"{dataPath}/query/{locator}-{batchSize}");
    }

    /// <summary>The page at "{locator}-{offset}", or null for an unknown or exhausted locator.</summary>
    public JsonObject? NextPage(string locatorAndOffset, string dataPath)
    {
        var dash = locatorAndOffset.LastIndexOf('-');
        if (dash < 0 || !int.TryParse(locatorAndOffset.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture, out var offset)
            || !_open.TryGetValue(locatorAndOffset[..dash], out var cursor) || offset < 0 || offset >= cursor.Rows.Count)
        {
            return null;
        }

        var locator = locatorAndOffset[..dash];
        var count = Math.Min(cursor.BatchSize, cursor.Rows.Count - offset);
        var end = offset + count;
        if (end >= cursor.Rows.Count)
        {
            _open.TryRemove(locator, out _);
        }

        var next = end < cursor.Rows.Count ? $"{dataPath}/query/{locator}-{end}" : null;
        return Page(cursor.Rows.GetRange(offset, count).Select(row => JsonNode.Parse(row)!), cursor.Rows.Count, next);
    }

    private static JsonObject Page(IEnumerable<JsonNode> rows, int totalSize, string? nextRecordsUrl)
    {
        var page = new JsonObject { ["totalSize"] = totalSize, ["done"] = nextRecordsUrl is null };
        if (nextRecordsUrl is not null)
        {
            page["nextRecordsUrl"] = nextRecordsUrl;
        }

        page["records"] = new JsonArray([.. rows]);
        return page;
    }
}
