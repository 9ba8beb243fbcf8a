namespace SesamTalk.Connectors;

/// <summary>
/// What the sync engine needs from one remote system: its change feed, reads by id and by match key, batched
/// writes and what the API refuses. One implementation per system (Salesforce, Exact Online, SuperOffice, each
/// custom system); the engine finds it by <see cref="System"/>.
/// </summary>
/// <remarks>
/// Whole-call failures (the network, 5xx after retries, an exhausted quota as <see cref="SyncQuotaExhaustedException"/>)
/// throw: the engine then stops the flow at its last checkpoint. Rejections of single records (validation, a
/// too-long value, a deleted record) come back in <see cref="RemoteWriteResult.Error"/>: the engine quarantines
/// that record and goes on.
/// </remarks>
public interface ISyncConnector
{
    /// <summary>The system's name as entities name it in <c>[SyncsWith]</c>, e.g. <c>Salesforce</c>.</summary>
    string System { get; }

    /// <summary>API calls made so far by this connector (for reports and metrics).</summary>
    long ApiCalls { get; }

    /// <summary>The daily API quota as last reported by the system, or null when the system reports none.</summary>
    SyncApiUsage? Usage { get; }

    /// <summary>What the API allows for <paramref name="type"/>.</summary>
    /// <param name="type">The remote type, e.g. <c>Product2</c>.</param>
    ConnectorCapabilities GetCapabilities(string type);

    /// <summary>
    /// Streams the records of the mapper's type changed after <paramref name="cursor"/> (tombstones included where
    /// the API reports deletions), page by page in a stable order, each page with the cursor to resume after it.
    /// Records carry the mapper's fields (children included) with references as remote ids.
    /// </summary>
    /// <param name="mapper">The mapping: remote type, fields, children.</param>
    /// <param name="cursor">The cursor of the last applied page, or null from the beginning.</param>
    /// <param name="cancellationToken">Stops between pages.</param>
    IAsyncEnumerable<RemoteChangePage> ReadChangesAsync(IEntityMapper mapper, string? cursor, CancellationToken cancellationToken);

    /// <summary>The record with <paramref name="id"/>, a tombstone when it was deleted, or null when there is none.</summary>
    /// <param name="mapper">The mapping: remote type and fields.</param>
    /// <param name="id">The remote id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<SyncRecord?> GetAsync(IEntityMapper mapper, string id, CancellationToken cancellationToken);

    /// <summary>
    /// The records with <paramref name="ids"/> that exist (tombstones for deleted ones where the API reports them), in
    /// as few calls as the API allows; ids without a record are left out. The engine reads records back after a write
    /// whose answer did not carry them. The default reads them one by one.
    /// </summary>
    /// <param name="mapper">The mapping: remote type and fields.</param>
    /// <param name="ids">The remote ids.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    async Task<IReadOnlyList<SyncRecord>> GetManyAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var records = new List<SyncRecord>(ids.Count);
        foreach (var id in ids)
        {
            if (await GetAsync(mapper, id, cancellationToken).ConfigureAwait(false) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>
    /// The live records whose <paramref name="field"/> equals one of <paramref name="values"/> (compared as the API
    /// compares: case-insensitively for Salesforce text), in as few calls as the API allows.
    /// </summary>
    /// <param name="mapper">The mapping: remote type and fields.</param>
    /// <param name="field">The remote match-key field.</param>
    /// <param name="values">The values to look for.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    Task<IReadOnlyList<SyncRecord>> SearchAsync(IEntityMapper mapper, string field, IReadOnlyList<SyncValue> values, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of every live record of the mapper's type, a page at a time, for types whose change feed reports no
    /// deletions (<see cref="ConnectorCapabilities.ReportsDeletions"/> false) and whose capabilities say
    /// <see cref="ConnectorCapabilities.ListsIds"/>: the engine takes a linked record no longer listed as deleted. A
    /// connector that cannot list a type leaves this as it is.
    /// </summary>
    /// <param name="mapper">The mapping: the remote type.</param>
    /// <param name="cancellationToken">Cancels between pages.</param>
    /// <returns>Pages of ids; together every live record, each once.</returns>
    IAsyncEnumerable<IReadOnlyList<string>> ListIdsAsync(IEntityMapper mapper, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{System} cannot list the ids of {mapper?.Target.Type}.");

    /// <summary>Creates records in batches of the API's maximum; one result per create, in order.</summary>
    /// <param name="mapper">The mapping: remote type and children.</param>
    /// <param name="creates">The records, each with the idempotency key of its intent.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    Task<IReadOnlyList<RemoteWriteResult>> CreateAsync(IEntityMapper mapper, IReadOnlyList<RemoteCreate> creates, CancellationToken cancellationToken);

    /// <summary>
    /// Updates the given fields of records (each with its <see cref="SyncRecord.Id"/>) in batches; one result per record,
    /// in order. In a child collection, a line with an id is updated, a line without one is created under the record
    /// (its new id set on the line record), and a line marked <see cref="SyncRecord.IsDeleted"/> is deleted; lines the
    /// collection does not mention are left alone.
    /// </summary>
    /// <param name="mapper">The mapping: remote type and children.</param>
    /// <param name="records">The records with only the fields to change.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    Task<IReadOnlyList<RemoteWriteResult>> UpdateAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken);

    /// <summary>Deletes records in batches; deleting a record that is gone already succeeds. One result per id, in order.</summary>
    /// <param name="mapper">The mapping: remote type.</param>
    /// <param name="ids">The remote ids.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    Task<IReadOnlyList<RemoteWriteResult>> DeleteAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken);
}
