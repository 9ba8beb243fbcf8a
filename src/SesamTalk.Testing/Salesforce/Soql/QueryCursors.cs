using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Data;

namespace SesamTalk.Testing.Salesforce.Soql;

/// <summary>
/// Open query locators. A query's rows are captured when it runs, as a server-side cursor does, so pages behind
/// <c>nextRecordsUrl</c> neither lose nor repeat rows whatever is written meanwhile.
/// </summary>
internal sealed class QueryCursors
{
    private readonly ConcurrentDictionary<string, (List<JsonObject> Rows, int BatchSize)> _open = new(StringComparer.Ordinal);
    private long _sequence = Random.Shared.NextInt64(1_000, 1_000_000);

    /// <summary>Builds the first page; when rows remain, opens a locator for the rest.</summary>
    public JsonObject FirstPage(List<JsonObject> rows, int totalSize, int batchSize, string dataPath)
    {
        if (rows.Count <= batchSize)
        {
            return Page(rows, totalSize, null);
        }

        var locator = SalesforceId.Create("01g", "0A", Interlocked.Increment(ref _sequence));
        _open[locator] = (rows, batchSize);
        return Page(rows.GetRange(0, batchSize), totalSize, $"{dataPath}/query/{locator}-{batchSize}");
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
        return Page(cursor.Rows.GetRange(offset, count), cursor.Rows.Count, next);
    }

    private static JsonObject Page(List<JsonObject> rows, int totalSize, string? nextRecordsUrl)
    {
        var page = new JsonObject { ["totalSize"] = totalSize, ["done"] = nextRecordsUrl is null };
        if (nextRecordsUrl is not null)
        {
            page["nextRecordsUrl"] = nextRecordsUrl;
        }

        page["records"] = new JsonArray([.. rows.Select(r => (JsonNode)r.DeepClone())]);
        return page;
    }
}
