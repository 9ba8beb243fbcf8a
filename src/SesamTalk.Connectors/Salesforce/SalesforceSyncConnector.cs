using System.Runtime.CompilerServices;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The sync engine's view of one Salesforce org. Changes are read through <c>queryAll</c> keyset-paged on
/// (SystemModstamp, Id), so deletions arrive as tombstones in the same stream and records sharing one timestamp
/// across a page edge come exactly once; each API page is one <see cref="RemoteChangePage"/>. Searches and reads of
/// many records batch their values into <c>WHERE F IN (...)</c> queries sized to stay under the URL limit. Writes go
/// through sObject Collections, 200 records a call; their answers carry ids only, so a create's stored record is
/// predicted where Salesforce's rewrites make it certain (<see cref="SalesforceStoredForm"/>) and an update's is left to
/// the engine's read-back. Child records (Order's OrderItems) are read with one extra query per page and written in
/// their own collection calls after their parents.
/// Above <see cref="SalesforceOptions.BulkThreshold"/> records, reads and writes go through Bulk API 2.0 instead (see
/// the other parts of this class), which takes a handful of calls for thousands of records.
/// </summary>
public sealed partial class SalesforceSyncConnector : ISyncConnector
{
    /// <summary>
    /// Characters of URL-escaped literals one <c>IN (...)</c> list may take: Salesforce allows 16,384 bytes of URI and
    /// headers, and common servers and proxies (Kestrel among them) refuse request lines beyond 8 KB.
    /// </summary>
    private const int InListBudget = 6_000;

    /// <summary>The longest SOQL statement Salesforce takes: a query job's <c>IN (...)</c> list (its SOQL travels in the body) fills it.</summary>
    private const int MaxSoqlLength = 100_000;

    private readonly SalesforceClient _client;
    private readonly SalesforceApiUsage _usage;
    private readonly ApiCallCounter<SalesforceClient> _calls;
    private readonly TimeSpan _overlap;
    private readonly int _bulkThreshold;
    private readonly bool _predictsStored;
    private readonly ConnectorCapabilities _full;
    private readonly SalesforceBulkIngest _bulkIngest;
    private readonly SalesforceBulkQuery _bulkQuery;

    /// <summary>Creates the connector (DI does this).</summary>
    /// <param name="client">The org's client.</param>
    /// <param name="usage">The org's API usage as the last response reported it.</param>
    /// <param name="calls">The count of calls sent to the org.</param>
    /// <param name="options">The org's options (the change-read overlap, the bulk path).</param>
    /// <param name="jobLog">Where ingest jobs that create records are logged before their upload.</param>
    /// <param name="time">The clock of the waits between reads of a bulk job's state.</param>
    public SalesforceSyncConnector(
        SalesforceClient client, SalesforceApiUsage usage, ApiCallCounter<SalesforceClient> calls, Microsoft.Extensions.Options.IOptions<SalesforceOptions> options,
        ISalesforceBulkJobLog jobLog, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _usage = usage;
        _calls = calls;
        _overlap = options.Value.ChangeOverlap;
        _bulkThreshold = options.Value.BulkThreshold;
        _predictsStored = options.Value.PredictStoredRecords;
        var polling = new SalesforceBulkPolling(options.Value, time);
        _bulkIngest = new SalesforceBulkIngest(client, jobLog, polling, time);
        _bulkQuery = new SalesforceBulkQuery(client, polling, options.Value.BulkBatchSize);

        // With the bulk path on, a write is split into jobs of the bulk batch size: each above the threshold goes as one
        // job, smaller ones through collections (SalesforceSyncConnector.Writes.cs); the engine sizes its units by it.
        _full = new(CanCreate: true, CanUpdate: true, CanDelete: true, HonoursIdempotencyKeys: false, ReportsDeletions: true,
            MaxBatchSize: _bulkThreshold > 0 ? Math.Max(options.Value.BulkBatchSize, SalesforceClient.CollectionLimit) : SalesforceClient.CollectionLimit);
    }

    /// <inheritdoc />
    public string System { get; init; } = "Salesforce";

    /// <inheritdoc />
    public long ApiCalls => _calls.Calls;

    /// <inheritdoc />
    public SyncApiUsage? Usage => _usage.Used is { } used && _usage.Limit is { } limit ? new SyncApiUsage(used, limit, ResetsAt: null) : null;

    /// <inheritdoc />
    /// <remarks>
    /// Standard <c>Invoice</c> and <c>InvoiceLine</c> support only query, retrieve and update (Billing creates them);
    /// <c>Division</c> cannot be deleted and has no <c>IsDeleted</c> to report deletions with. A price book holds one
    /// <c>PricebookEntry</c> per product, so the pair identifies an entry.
    /// </remarks>
    public ConnectorCapabilities GetCapabilities(string type) => type switch
    {
        _ when Is(type, "Invoice") || Is(type, "InvoiceLine") => _full with { CanCreate = false, CanDelete = false },
        _ when Is(type, "Division") => _full with { CanDelete = false, ReportsDeletions = false },
        _ when Is(type, "PricebookEntry") => _full with { NaturalKey = ["Pricebook2Id", "Product2Id"] },
        _ => _full,
    };

    /// <inheritdoc />
    public async IAsyncEnumerable<RemoteChangePage> ReadChangesAsync(IEntityMapper mapper, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        var after = cursor is null ? (SalesforceChangeCursor?)null : SalesforceChangeCursor.Parse(cursor);

        // SystemModstamp is taken when a transaction starts, so a long transaction can commit records stamped behind a
        // cursor already handed out: each read starts the overlap earlier. The cursor remembers the records it delivered
        // inside the overlap, so only records not delivered before come again; the cursor never moves back.
        var memory = _overlap > TimeSpan.Zero ? SalesforceOverlapMemory.Read(cursor, _overlap) : null;
        var from = after is { } committed && memory is not null ? new SalesforceChangeCursor(committed.Modstamp - _overlap, "") : after;
        var fields = await SelectAsync(mapper, cancellationToken).ConfigureAwait(false);
        var soql = SalesforceClient.ChangesQuery(mapper.Target.Type, fields, from?.Modstamp, from?.Id);
        var read = 0;
        var rest = 0;
        var resumeAt = cursor;
        var lastRead = from;
        await foreach (var page in _client.QueryResultPagesAsync(soql, includeDeleted: true, cancellationToken).ConfigureAwait(false))
        {
            read += page.Records.Count;
            lastRead = page.Records.Count > 0 ? SalesforceChangeCursor.After(page.Records[^1]) : lastRead;
            var records = memory?.Unseen(page.Records) ?? [.. page.Records];
            if (records.Count > 0)
            {
                await ReadChildrenAsync(mapper, records, cancellationToken).ConfigureAwait(false);
                memory?.Remember(records);
                after = SalesforceChangeCursor.Latest(after, SalesforceChangeCursor.After(page.Records[^1]));
                resumeAt = memory?.Cursor(after.Value) ?? after.Value.ToString();
                yield return new RemoteChangePage(records, resumeAt);
            }

            rest = page.Done ? 0 : page.TotalSize - read;
            if (UsesBulk(rest) && await BulkReadableAsync(mapper.Target.Type, fields, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        if (UsesBulk(rest))
        {
            var resume = new SalesforceBulkResume(lastRead!.Value, after, resumeAt!, memory);
            await foreach (var page in ReadRestInBulkAsync(mapper, fields, resume, cancellationToken).ConfigureAwait(false))
            {
                yield return page;
            }
        }
    }

    /// <inheritdoc />
    public async Task<SyncRecord?> GetAsync(IEntityMapper mapper, string id, CancellationToken cancellationToken) =>
        (await QueryInAsync(mapper, "Id", [SoqlLiteral.Text(id)], includeDeleted: true, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <inheritdoc />
    /// <remarks>
    /// One <c>queryAll</c> of <c>WHERE Id IN (...)</c> per list of ids that keeps the URL under its limit (SOQL's own
    /// limit, 100,000 characters, is far above it), so deleted records come as tombstones; then one query per child
    /// type for the children of them all.
    /// </remarks>
    public async Task<IReadOnlyList<SyncRecord>> GetManyAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return await QueryInAsync(mapper, "Id", [.. ids.Distinct(StringComparer.Ordinal).Select(SoqlLiteral.Text)], includeDeleted: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SyncRecord>> SearchAsync(IEntityMapper mapper, string field, IReadOnlyList<SyncValue> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var literals = values.Where(v => !v.IsNull).Select(SoqlLiteral.Of).Distinct(StringComparer.Ordinal).ToList();
        return await QueryInAsync(mapper, field, literals, includeDeleted: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The records whose <paramref name="field"/> is one of <paramref name="literals"/>, with their children; through
    /// <c>queryAll</c> when <paramref name="includeDeleted"/>. The values go in <c>IN (...)</c> lists sized to stay under
    /// the URL limit, or, for more values than the bulk threshold, in query jobs whose SOQL (sent in the body) may run
    /// to Salesforce's 100,000 characters.
    /// </summary>
    private async Task<List<SyncRecord>> QueryInAsync(IEntityMapper mapper, string field, List<string> literals, bool includeDeleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        var found = new List<SyncRecord>();
        if (literals.Count == 0)
        {
            return found;
        }

        var fields = await SelectAsync(mapper, cancellationToken).ConfigureAwait(false);
        var bulk = UsesBulk(literals.Count) && await BulkReadableAsync(mapper.Target.Type, fields, cancellationToken).ConfigureAwait(false);
        var filter = $"SELECT {string.Join(", ", fields)} FROM {mapper.Target.Type} WHERE {field} IN (";
        var chunks = bulk
            ? EntityMapperFields.ChunkByUrlLength(literals, MaxSoqlLength - filter.Length - 1, separatorLength: 1, escaped: false)
            : EntityMapperFields.ChunkByUrlLength(literals, InListBudget, separatorLength: 3);
        if (bulk)
        {
            // The query jobs of one read run side by side: each waits for Salesforce to finish it, not for the others.
            var sets = await Task.WhenAll(chunks.Select(chunk => ReadAllAsync(_bulkQuery.ReadAsync(filter + string.Join(",", chunk) + ")", includeDeleted, cancellationToken)))).ConfigureAwait(false);
            found.AddRange(sets.SelectMany(set => set));
        }
        else
        {
            foreach (var chunk in chunks)
            {
                found.AddRange(await ReadAllAsync(_client.QueryPagesAsync(filter + string.Join(",", chunk) + ")", includeDeleted, cancellationToken)).ConfigureAwait(false));
            }
        }

        await ReadChildrenAsync(mapper, found, cancellationToken).ConfigureAwait(false);
        return found;
    }

    private static async Task<List<SyncRecord>> ReadAllAsync(IAsyncEnumerable<IReadOnlyList<SyncRecord>> pages)
    {
        var records = new List<SyncRecord>();
        await foreach (var page in pages.ConfigureAwait(false))
        {
            records.AddRange(page);
        }

        return records;
    }

    /// <summary>Id, SystemModstamp, IsDeleted when the type has it, and the mapper's fields.</summary>
    private async Task<List<string>> SelectAsync(IEntityMapper mapper, CancellationToken cancellationToken)
    {
        var describe = await _client.DescribeAsync(mapper.Target.Type, cancellationToken).ConfigureAwait(false);
        List<string> select = ["Id", "SystemModstamp"];
        if (describe.ContainsKey("IsDeleted"))
        {
            select.Add("IsDeleted");
        }

        return [.. select.Concat(mapper.ReadFields()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Reads the children of every live parent in <paramref name="parents"/> with one query per child type (per URL-sized chunk).</summary>
    private Task ReadChildrenAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> parents, CancellationToken cancellationToken) =>
        ChildRecords.ReadAsync(mapper, parents, (child, ids) => ChildrenOfAsync(mapper, child, ids, cancellationToken));

    private async IAsyncEnumerable<(string ParentId, SyncRecord Line)> ChildrenOfAsync(
        IEntityMapper mapper, SyncChildDescriptor child, IReadOnlyList<string> parentIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parentField = child.ParentField ?? throw new InvalidOperationException($"{mapper.Target}.{child.Field} needs the child's parent field to read its children.");
        var select = string.Join(", ", (await SelectAsync(child.Mapper, cancellationToken).ConfigureAwait(false)).Append(parentField).Distinct(StringComparer.OrdinalIgnoreCase));
        foreach (var chunk in EntityMapperFields.ChunkByUrlLength(parentIds.Select(SoqlLiteral.Text), InListBudget, separatorLength: 3))
        {
            var soql = $"SELECT {select} FROM {child.Mapper.Target.Type} WHERE {parentField} IN ({string.Join(",", chunk)}) ORDER BY {parentField}, Id";
            await foreach (var page in _client.QueryPagesAsync(soql, includeDeleted: false, cancellationToken).ConfigureAwait(false))
            {
                foreach (var record in page)
                {
                    yield return (record[parentField].AsString()!, record);
                }
            }
        }
    }

    private static bool Is(string type, string name) => string.Equals(type, name, StringComparison.OrdinalIgnoreCase);
}
