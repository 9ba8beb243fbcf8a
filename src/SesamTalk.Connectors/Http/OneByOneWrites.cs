using System.Net;

namespace SesamTalk.Connectors.Http;

/// <summary>
/// The write loop of connectors whose API takes one record a call (Exact Online, SuperOffice): each item written in
/// turn; the system refusing that record (400, or 404 for a record that is not there) fails its result, with the
/// record's id when known; anything else (auth, throttling after retries, 5xx, a quota) throws.
/// </summary>
internal static class OneByOneWrites
{
    /// <summary>Writes each of <paramref name="items"/> with <paramref name="write"/>; one result per item, in order.</summary>
    /// <param name="items">The records, or ids, to write.</param>
    /// <param name="idOf">The item's remote id before the write, if it has one.</param>
    /// <param name="write">Writes one item; sets <see cref="WrittenRecord.Id"/> as soon as a create has given the record one.</param>
    public static async Task<IReadOnlyList<RemoteWriteResult>> WriteAsync<TItem>(IReadOnlyList<TItem> items, Func<TItem, string?> idOf, Func<TItem, WrittenRecord, Task<RemoteWriteResult>> write)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new List<RemoteWriteResult>(items.Count);
        foreach (var item in items)
        {
            var written = new WrittenRecord { Id = idOf(item) };
            try
            {
                results.Add(await write(item, written).ConfigureAwait(false));
            }
            catch (SystemApiException error) when (error.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
            {
                results.Add(RemoteWriteResult.Failure(error.ToRecordError(), written.Id ?? error.RecordId));
            }
        }

        return results;
    }
}

/// <summary>The record one write is about: its id once it has one, so that a refusal after a create still names it.</summary>
internal sealed class WrittenRecord
{
    /// <summary>The record's remote id, when known.</summary>
    public string? Id { get; set; }
}
