using System.Net;
using System.Runtime.CompilerServices;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Custom;

/// <summary>
/// The engine's view of one custom system (docs/custom-system-contract.md): the change feed with tombstones, search
/// by match key (<c>anyOf</c>, 100 values a call), and creates and updates through <c>POST /{type}/batch</c> (100 a call)
/// with idempotency keys, so a create repeated after a lost response returns the first record. Each batch result carries
/// the whole record as the system stored it (lines included), which becomes the write's stored record. Records are read
/// by id 100 a call (<c>POST /{type}/read</c>), or one a call from a server that predates that endpoint.
/// </summary>
public sealed class CustomSyncConnector : ISyncConnector
{
    private static readonly ConnectorCapabilities Capabilities = new(
        CanCreate: true,
        CanUpdate: true,
        CanDelete: true,
        HonoursIdempotencyKeys: true,
        ReportsDeletions: true,
        MaxBatchSize: CustomSystemClient.MaxBatchItems);

    private readonly CustomSystemClient _client;
    private readonly Func<long> _apiCalls;
    private volatile bool _oneMatchACall;
    private volatile bool _oneReadACall;

    /// <summary>Creates the connector over a client of the system.</summary>
    /// <param name="client">The system's client.</param>
    /// <param name="apiCalls">Reads the number of HTTP calls the client's pipeline has sent.</param>
    public CustomSyncConnector(CustomSystemClient client, Func<long> apiCalls)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _apiCalls = apiCalls ?? throw new ArgumentNullException(nameof(apiCalls));
    }

    /// <inheritdoc />
    public string System => _client.System;

    /// <inheritdoc />
    public long ApiCalls => _apiCalls();

    /// <inheritdoc />
    public SyncApiUsage? Usage => null;

    /// <inheritdoc />
    public ConnectorCapabilities GetCapabilities(string type) => Capabilities;

    /// <inheritdoc />
    public async IAsyncEnumerable<RemoteChangePage> ReadChangesAsync(IEntityMapper mapper, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        await foreach (var page in _client.ReadChangesAsync(mapper.Target.Type, cursor, cancellationToken).ConfigureAwait(false))
        {
            yield return new RemoteChangePage(page.Records, page.NextCursor);
        }
    }

    /// <inheritdoc />
    public Task<SyncRecord?> GetAsync(IEntityMapper mapper, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return _client.GetAsync(mapper.Target.Type, id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SyncRecord>> GetManyAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(ids);
        var type = mapper.Target.Type;
        var records = new List<SyncRecord>(ids.Count);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(CustomSystemClient.MaxReadIds))
        {
            records.AddRange(await GetManyAsync(type, chunk, cancellationToken).ConfigureAwait(false));
        }

        return records;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SyncRecord>> SearchAsync(IEntityMapper mapper, string field, IReadOnlyList<SyncValue> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(values);

        // Up to the contract's limit of values in one anyOf search; a record matches one value of one field, so no
        // record comes back from two calls.
        var type = mapper.Target.Type;
        var hits = new List<SyncRecord>();
        foreach (var chunk in values.Distinct().Chunk(CustomSystemClient.MaxSearchCriteria))
        {
            var matches = chunk.Select(value => new SyncRecord(type) { [field] = value }).ToList();
            hits.AddRange(await SearchAsync(type, matches, cancellationToken).ConfigureAwait(false));
        }

        return hits;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RemoteWriteResult>> CreateAsync(IEntityMapper mapper, IReadOnlyList<RemoteCreate> creates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creates);
        return BatchAsync(mapper, creates.Select(create => CustomBatchItem.Create(create.Record, create.IdempotencyKey)).ToList(), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RemoteWriteResult>> UpdateAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return BatchAsync(mapper, records.Select(CustomBatchItem.Update).ToList(), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RemoteWriteResult>> DeleteAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(ids);
        var results = new List<RemoteWriteResult>(ids.Count);
        foreach (var id in ids)
        {
            try
            {
                await _client.DeleteAsync(mapper.Target.Type, id, null, cancellationToken).ConfigureAwait(false);
                results.Add(RemoteWriteResult.Success(id));
            }
            catch (CustomSystemException error) when (error.ErrorCode == "not-found")
            {
                results.Add(RemoteWriteResult.Success(id));
            }
            catch (CustomSystemException error) when (error.ErrorCode is "not-allowed" or "precondition-failed")
            {
                results.Add(RemoteWriteResult.Failure(error.ToRecordError(), id));
            }
        }

        return results;
    }

    /// <summary>
    /// One <c>anyOf</c> search; a server that predates <c>anyOf</c> refuses it as <c>malformed-search</c>, and is then
    /// searched one match a call from there on.
    /// </summary>
    private async Task<IReadOnlyList<SyncRecord>> SearchAsync(string type, List<SyncRecord> matches, CancellationToken cancellationToken)
    {
        if (!_oneMatchACall)
        {
            try
            {
                return await _client.SearchAnyAsync(type, matches, cancellationToken).ConfigureAwait(false);
            }
            catch (CustomSystemException error) when (error.ErrorCode == "malformed-search")
            {
                _oneMatchACall = true;
            }
        }

        var hits = new List<SyncRecord>();
        foreach (var match in matches)
        {
            hits.AddRange(await _client.SearchAsync(type, match, cancellationToken).ConfigureAwait(false));
        }

        return hits;
    }

    /// <summary>
    /// One read of many ids; a server that predates <c>POST /{type}/read</c> answers 404 or 405 (no such route, or not
    /// for POST), and is then read one record a call from there on. An unknown type is the mapping's error either way.
    /// </summary>
    private async Task<IReadOnlyList<SyncRecord>> GetManyAsync(string type, string[] ids, CancellationToken cancellationToken)
    {
        if (!_oneReadACall)
        {
            try
            {
                return await _client.GetManyAsync(type, ids, cancellationToken).ConfigureAwait(false);
            }
            catch (CustomSystemException error) when (error.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && error.ErrorCode != "unknown-type")
            {
                _oneReadACall = true;
            }
        }

        var records = new List<SyncRecord>(ids.Length);
        foreach (var id in ids)
        {
            if (await _client.GetAsync(type, id, cancellationToken).ConfigureAwait(false) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    private async Task<IReadOnlyList<RemoteWriteResult>> BatchAsync(IEntityMapper mapper, List<CustomBatchItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        var results = new List<RemoteWriteResult>(items.Count);
        foreach (var chunk in items.Chunk(CustomSystemClient.MaxBatchItems))
        {
            var answers = await _client.BatchAsync(mapper.Target.Type, chunk, cancellationToken).ConfigureAwait(false);
            for (var index = 0; index < chunk.Length; index++)
            {
                var answer = answers[index];
                results.Add(answer.Record is { Id: { } id } stored
                    ? RemoteWriteResult.Success(id, stored.ModifiedAt, ChildRecords.WithAllChildren(mapper, stored))
                    : RemoteWriteResult.Failure(answer.Problem!.ToRecordError(), chunk[index].Record.Id));
            }
        }

        return results;
    }
}
