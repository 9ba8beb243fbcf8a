using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Salesforce;

// Writes through sObject Collections (allOrNone=false): one result per record, a refused record does not hold back
// the others. Children go in their own collection calls once their parents have ids: new children are created with
// the parent's id in the child's parent field, children with an id are updated (without the parent field, which
// Salesforce does not let an update change). A child's refusal fails its parent's result, which still carries the
// parent's id so the engine knows the parent exists. Children marked deleted are deleted in collection calls as well
// (one that is gone already counts as deleted); children missing from a parent's list are left alone.
// A write is split into batches of the connector's MaxBatchSize (the bulk batch size with the bulk path on): a batch of
// more records than the bulk threshold goes through one Bulk API 2.0 ingest job instead (creates logged before their
// upload, see SalesforceBulkIngest), with the same per-record outcomes.
public sealed partial class SalesforceSyncConnector
{
    /// <summary>Per-record codes that mean the record to delete is gone already.</summary>
    private static readonly HashSet<string> GoneCodes = new(StringComparer.Ordinal) { "ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY" };

    /// <inheritdoc />
    public async Task<IReadOnlyList<RemoteWriteResult>> CreateAsync(IEntityMapper mapper, IReadOnlyList<RemoteCreate> creates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(creates);
        var records = creates.Select(c => c.Record).ToList();
        var upsertKey = UsesBulk(records.Count) ? await UpsertKeyAsync(mapper, records, cancellationToken).ConfigureAwait(false) : null;
        var results = Outcomes(await InBatchesAsync(creates, async (batch, bulk) => bulk
            ? await _bulkIngest.CreateAsync(mapper.Target.Type, [.. batch.Select(c => c.Record)], [.. batch.Select(c => c.IdempotencyKey)], [.. batch.Where(c => !c.FirstAttempt).Select(c => c.IdempotencyKey)], upsertKey, cancellationToken).ConfigureAwait(false)
            : await _client.CreateAsync([.. batch.Select(c => c.Record)], cancellationToken).ConfigureAwait(false)).ConfigureAwait(false));
        await WriteChildrenAsync(mapper, records, results, cancellationToken).ConfigureAwait(false);
        if (_predictsStored && upsertKey is null && mapper.Children.Count == 0)
        {
            await PredictStoredAsync(mapper, creates, records, results, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>
    /// Gives each first attempt's successful create the record Salesforce stored, where that is certain
    /// (<see cref="SalesforceStoredForm"/>). A repeated create may have found the record an earlier attempt made, with the
    /// values of then, and an upsert may have updated a record made by someone else: neither is predicted, nor a
    /// record with children, whose lines Salesforce may have completed. Each is predicted when the engine reads it, not
    /// here: a job's 10,000 stored records are never held at once, and each dies young, once the engine has taken it.
    /// </summary>
    private async Task PredictStoredAsync(IEntityMapper mapper, IReadOnlyList<RemoteCreate> creates, List<SyncRecord> sent, RemoteWriteResult[] results, CancellationToken cancellationToken)
    {
        var fields = await _client.FieldsAsync(mapper.Target.Type, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Succeeded && creates[i].FirstAttempt)
            {
                var (record, id) = (sent[i], results[i].Id!);
                results[i] = RemoteWriteResult.Predicted(id, () => SalesforceStoredForm.Predict(mapper, record, id, fields));
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RemoteWriteResult>> UpdateAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(records);
        var results = Outcomes(await InBatchesAsync(records, async (batch, bulk) => bulk
            ? await _bulkIngest.UpdateAsync(mapper.Target.Type, batch, cancellationToken).ConfigureAwait(false)
            : await _client.UpdateAsync(batch, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false));
        await WriteChildrenAsync(mapper, records, results, cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RemoteWriteResult>> DeleteAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(ids);
        var results = await InBatchesAsync(ids, async (batch, bulk) => bulk
            ? await _bulkIngest.DeleteAsync(mapper.Target.Type, batch, cancellationToken).ConfigureAwait(false)
            : await _client.DeleteAsync(batch, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. results.Select((result, i) => result.Succeeded || GoneCodes.Contains(result.Error!.ErrorCode)
            ? RemoteWriteResult.Success(ids[i])
            : RemoteWriteResult.Failure(result.Error.ToRecordError(), ids[i]))];
    }

    /// <summary>
    /// The field a bulk create upserts by: the mapping's one match key, when describe marks it External ID and unique and
    /// every record carries a value for it. An upsert finds a record with that key instead of making a second one (one
    /// another writer made since the engine searched, say), so a repeated create of it cannot duplicate it either.
    /// </summary>
    private async Task<string?> UpsertKeyAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken)
    {
        if (mapper.MatchKeys is not [var key] || records.Any(record => !record.TryGetValue(key, out var value) || value.IsNull))
        {
            return null;
        }

        var keys = await _client.UniqueExternalIdsAsync(mapper.Target.Type, cancellationToken).ConfigureAwait(false);
        return keys.Contains(key) ? key : null;
    }

    /// <summary>
    /// Writes <paramref name="items"/> in the connector's batches of <see cref="ConnectorCapabilities.MaxBatchSize"/>:
    /// each batch above the bulk threshold as one Bulk API 2.0 job, smaller ones through sObject Collections (200 a
    /// call). One result per item, in order.
    /// </summary>
    private async Task<List<SalesforceWriteResult>> InBatchesAsync<TItem>(IReadOnlyList<TItem> items, Func<IReadOnlyList<TItem>, bool, Task<IReadOnlyList<SalesforceWriteResult>>> write)
    {
        var results = new List<SalesforceWriteResult>(items.Count);
        foreach (var batch in items.Chunk(_full.MaxBatchSize))
        {
            results.AddRange(await write(batch, UsesBulk(batch.Length)).ConfigureAwait(false));
        }

        return results;
    }

    private static RemoteWriteResult[] Outcomes(IReadOnlyList<SalesforceWriteResult> results) =>
        [.. results.Select(r => r.Succeeded ? RemoteWriteResult.Success(r.Id!) : RemoteWriteResult.Failure(r.Error!.ToRecordError(), r.Id))];

    /// <summary>Creates, updates and deletes the children of the parents written successfully; a refused child fails its parent's result.</summary>
    private async Task WriteChildrenAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> parents, RemoteWriteResult[] results, CancellationToken cancellationToken)
    {
        foreach (var child in mapper.Children)
        {
            var parentField = child.ParentField ?? throw new InvalidOperationException($"{mapper.Target}.{child.Field} needs the child's parent field to write its children.");
            var creates = new List<(int Parent, LineWrite Write)>();
            var updates = new List<(int Parent, LineWrite Write)>();
            var deletes = new List<(int Parent, string Id)>();
            for (var i = 0; i < parents.Count; i++)
            {
                if (!results[i].Succeeded || ChildRecords.Writes(parents[i], child, results[i].Id!, parentField) is not { } lines)
                {
                    continue;
                }

                foreach (var write in lines.Writes)
                {
                    (write.Creates ? creates : updates).Add((i, write));
                }

                deletes.AddRange(lines.Deletes.Select(id => (i, id)));
            }

            Apply(creates, await _client.CreateAsync([.. creates.Select(c => c.Write.Sent)], cancellationToken).ConfigureAwait(false), results);
            Apply(updates, await _client.UpdateAsync([.. updates.Select(c => c.Write.Sent)], cancellationToken).ConfigureAwait(false), results);
            var outcomes = await _client.DeleteAsync([.. deletes.Select(d => d.Id)], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < deletes.Count; i++)
            {
                if (!outcomes[i].Succeeded && !GoneCodes.Contains(outcomes[i].Error!.ErrorCode) && results[deletes[i].Parent].Succeeded)
                {
                    results[deletes[i].Parent] = RemoteWriteResult.Failure(outcomes[i].Error!.ToRecordError(), results[deletes[i].Parent].Id);
                }
            }
        }
    }

    private static void Apply(List<(int Parent, LineWrite Write)> writes, IReadOnlyList<SalesforceWriteResult> outcomes, RemoteWriteResult[] results)
    {
        for (var i = 0; i < writes.Count; i++)
        {
            var (parent, write) = writes[i];
            if (outcomes[i].Succeeded)
            {
                write.Line.Id = outcomes[i].Id;
            }
            else if (results[parent].Succeeded)
            {
                results[parent] = RemoteWriteResult.Failure(outcomes[i].Error!.ToRecordError(), results[parent].Id);
            }
        }
    }
}
