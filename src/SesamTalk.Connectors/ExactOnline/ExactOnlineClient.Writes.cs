using System.Net;

namespace SesamTalk.Connectors.ExactOnline;

// Writes, one record a call as Exact's REST API takes them. A create whose response is lost is not repeated here:
// its outcome is unknown, and the engine resolves that by searching match keys before it creates again.
public sealed partial class ExactOnlineClient
{
    /// <summary>
    /// Creates a record (POST, 201, with <c>Prefer: return=representation</c>) and returns it as Exact stored it: the key,
    /// numbers such as <c>OrderNumber</c> or <c>Code</c>, defaults and audit fields. A header's lines go in the same call as a records field named after the
    /// line collection (e.g. <c>SalesOrderLines</c>) and come back typed as that set, with their keys and line numbers.
    /// <paramref name="record"/>'s <see cref="SyncRecord.Id"/> is set to the new key.
    /// </summary>
    /// <param name="set">The entity set.</param>
    /// <param name="record">The fields to create with; no key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ExactOnlineApiException">Exact refused the record (e.g. <c>Mandatory: OrderedBy</c>).</exception>
    public async Task<SyncRecord> CreateAsync(ExactOnlineEntitySet set, SyncRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(record);
        var url = await ApiRootAsync(cancellationToken).ConfigureAwait(false) + set.Path;
        using var body = await SendAsync(HttpMethod.Post, url, ExactOnlineRecordWriter.Body(record, skipField: null), set, null, cancellationToken).ConfigureAwait(false);
        var created = Parse(set, null, () => ExactOnlineRecordReader.Read(Data(body!), set));
        record.Id = created.Id ?? throw new ExactOnlineApiException(HttpStatusCode.Created, ExactOnlineApiException.MalformedResponse, $"The created row has no {set.Key}.", set.Name, null);
        return created;
    }

    /// <summary>Writes the fields present in <paramref name="record"/> (PUT, 204); fields left out keep their values.</summary>
    /// <param name="set">The entity set.</param>
    /// <param name="record">The record, with its <see cref="SyncRecord.Id"/> set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ExactOnlineApiException">Exact refused the change, or the record does not exist (404).</exception>
    public async Task UpdateAsync(ExactOnlineEntitySet set, SyncRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(record);
        var id = record.Id ?? throw new ArgumentException("The record to update has no Id.", nameof(record));
        var url = await EntityUrlAsync(set, id, cancellationToken).ConfigureAwait(false);
        using var _ = await SendAsync(HttpMethod.Put, url, ExactOnlineRecordWriter.Body(record, skipField: set.Key), set, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a record (a header with its lines); false when Exact answers 404 because it is already gone.</summary>
    /// <param name="set">The entity set.</param>
    /// <param name="id">The key (a GUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<bool> DeleteAsync(ExactOnlineEntitySet set, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var url = await EntityUrlAsync(set, id, cancellationToken).ConfigureAwait(false);
        try
        {
            using var _ = await SendAsync(HttpMethod.Delete, url, null, set, id, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ExactOnlineApiException error) when (error.Status == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
