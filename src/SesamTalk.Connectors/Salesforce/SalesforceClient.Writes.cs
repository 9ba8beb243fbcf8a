using System.Net;
using System.Text;
using System.Text.Json;

namespace SesamTalk.Connectors.Salesforce;

// Writes through sObject Collections: up to 200 records a call, allOrNone=false so that one bad record does not
// hold back the others; every record gets its own result. A create whose response is lost is not repeated here:
// its outcome is unknown, and the engine resolves that by searching match keys before it creates again.
public sealed partial class SalesforceClient
{
    /// <summary>The most records sObject Collections takes in one call.</summary>
    public const int CollectionLimit = 200;

    /// <summary>Creates the records, 200 a call; a created record's <see cref="SyncRecord.Id"/> is set.</summary>
    /// <param name="records">Records of one or more types; fields only, no Id.</param>
    /// <param name="cancellationToken">Stops between calls.</param>
    /// <returns>One result per record, in order.</returns>
    public Task<IReadOnlyList<SalesforceWriteResult>> CreateAsync(IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken = default) =>
        WriteAsync(HttpMethod.Post, records, includeId: false, cancellationToken);

    /// <summary>Updates the records' fields, 200 a call; only the fields present are written.</summary>
    /// <param name="records">Records with their <see cref="SyncRecord.Id"/> set.</param>
    /// <param name="cancellationToken">Stops between calls.</param>
    /// <returns>One result per record, in order.</returns>
    public Task<IReadOnlyList<SalesforceWriteResult>> UpdateAsync(IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken = default) =>
        WriteAsync(HttpMethod.Patch, records, includeId: true, cancellationToken);

    /// <summary>Deletes records by id, 200 a call.</summary>
    /// <param name="ids">The record ids.</param>
    /// <param name="cancellationToken">Stops between calls.</param>
    /// <returns>One result per id, in order.</returns>
    public async Task<IReadOnlyList<SalesforceWriteResult>> DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        var results = new List<SalesforceWriteResult>(ids.Count);
        foreach (var chunk in ids.Chunk(CollectionLimit))
        {
            var url = _dataPath + "composite/sobjects?allOrNone=false&ids=" + string.Join(",", chunk.Select(Uri.EscapeDataString));
            using var response = await SendJsonAsync(HttpMethod.Delete, url, null, cancellationToken).ConfigureAwait(false);
            results.AddRange(ReadResults(response, chunk.Length, i => chunk[i]));
        }

        return results;
    }

    private async Task<IReadOnlyList<SalesforceWriteResult>> WriteAsync(HttpMethod method, IReadOnlyList<SyncRecord> records, bool includeId, CancellationToken cancellationToken)
    {
        var results = new List<SalesforceWriteResult>(records.Count);
        foreach (var chunk in records.Chunk(CollectionLimit))
        {
            using var content = new StringContent(Body(chunk, includeId), Encoding.UTF8, "application/json");
            using var response = await SendJsonAsync(method, _dataPath + "composite/sobjects", content, cancellationToken).ConfigureAwait(false);
            var chunkResults = ReadResults(response, chunk.Length, i => chunk[i].Id);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (chunkResults[i].Succeeded && !includeId)
                {
                    chunk[i].Id = chunkResults[i].Id;
                }

                results.Add(chunkResults[i]);
            }
        }

        return results;
    }

    private static string Body(IEnumerable<SyncRecord> records, bool includeId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("allOrNone", false);
            writer.WriteStartArray("records");
            foreach (var record in records)
            {
                SalesforceRecordWriter.Write(writer, record, includeId);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static SalesforceWriteResult[] ReadResults(JsonDocument response, int count, Func<int, string?> idOf)
    {
        var items = response.RootElement.EnumerateArray().ToList();
        if (items.Count != count)
        {
            throw new SalesforceApiException(HttpStatusCode.OK, SystemApiException.MalformedResponse, $"Expected {count} results but got {items.Count}.", []);
        }

        return items.Select((item, i) => ReadResult(item, idOf(i))).ToArray();
    }

    /// <summary>One record's result, <c>{"id","success","errors":[{"statusCode","message","fields"}]}</c>; <paramref name="recordId"/> stands in for a missing id.</summary>
    internal static SalesforceWriteResult ReadResult(JsonElement item, string? recordId)
    {
        var id = item.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : recordId;
        if (item.GetProperty("success").GetBoolean())
        {
            return new SalesforceWriteResult(id, null);
        }

        var error = item.GetProperty("errors").EnumerateArray().FirstOrDefault();
        var fields = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("fields", out var list)
            ? list.EnumerateArray().Select(f => f.GetString() ?? "").ToList()
            : [];
        var code = error.ValueKind == JsonValueKind.Object ? error.GetProperty("statusCode").GetString() ?? "UNKNOWN" : "UNKNOWN";
        var message = error.ValueKind == JsonValueKind.Object ? error.GetProperty("message").GetString() ?? "" : "";
        return new SalesforceWriteResult(id, new SalesforceApiException(HttpStatusCode.BadRequest, code, message, fields, recordId));
    }
}
