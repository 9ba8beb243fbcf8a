using System.Runtime.CompilerServices;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// The sync engine's view of one Exact Online division. Changes come from the sync API (<c>Timestamp gt n</c>, a
/// rowversion unique per write, so pages never split ties), then tombstones of the type from <c>sync/Deleted</c>;
/// the cursor holds both Timestamps and every API page is one <see cref="RemoteChangePage"/>. Searches and reads of
/// many records join their values with <c>or</c> in <c>$filter</c>s sized to stay under the URL limit. Exact takes one
/// record per write call.
/// Headers (SalesOrders, Quotations) are created with their lines in one deep insert; their lines are read through
/// the lines set filtered by the page's header keys.
/// </summary>
public sealed partial class ExactOnlineSyncConnector : ISyncConnector
{
    /// <summary>Characters of URL-escaped filter terms one call may take (IIS refuses URLs much beyond 16 KB).</summary>
    private const int FilterBudget = 6_000;

    private readonly ExactOnlineClient _client;
    private readonly ExactOnlineRateLimits _limits;
    private readonly TimeProvider _time;
    private readonly ApiCallCounter<ExactOnlineClient> _calls;

    internal ExactOnlineSyncConnector(ExactOnlineClient client, ExactOnlineRateLimits limits, TimeProvider time, ApiCallCounter<ExactOnlineClient> calls)
    {
        _client = client;
        _limits = limits;
        _time = time;
        _calls = calls;
    }

    /// <inheritdoc />
    public string System { get; init; } = "ExactOnline";

    /// <inheritdoc />
    public long ApiCalls => _calls.Calls;

    /// <inheritdoc />
    public SyncApiUsage? Usage => _limits.DailyUsage(_time.GetUtcNow());

    /// <inheritdoc />
    public ConnectorCapabilities GetCapabilities(string type) =>
        new(CanCreate: true, CanUpdate: true, CanDelete: true, HonoursIdempotencyKeys: false,
            ReportsDeletions: ExactOnlineEntitySet.Find(type)?.DeletedEntityType is not null, MaxBatchSize: 1);

    /// <inheritdoc />
    public async IAsyncEnumerable<RemoteChangePage> ReadChangesAsync(IEntityMapper mapper, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var set = SetOf(mapper);
        var position = ExactOnlineChangeCursor.Parse(cursor);
        var rows = _client.ReadChangePagesAsync(set, mapper.ReadFields(), ExactOnlineChangeCursor.AsAfter(position.Rows), cancellationToken);
        await foreach (var page in rows.ConfigureAwait(false))
        {
            if (page.Count > 0)
            {
                await ReadLinesAsync(mapper, set, page, cancellationToken).ConfigureAwait(false);
                position = position with { Rows = ExactOnlineChangeCursor.Latest(page, position.Rows) };
                yield return new RemoteChangePage(page, position.ToString());
            }
        }

        if (set.DeletedEntityType is null)
        {
            yield break;
        }

        // sync/Deleted serves every set: pages without this set's tombstones still move the cursor on.
        await foreach (var page in _client.ReadDeletedPagesAsync(ExactOnlineChangeCursor.AsAfter(position.Deleted), cancellationToken).ConfigureAwait(false))
        {
            if (page.Count > 0)
            {
                position = position with { Deleted = ExactOnlineChangeCursor.Latest(page, position.Deleted) };
                yield return new RemoteChangePage([.. page.Where(t => t.Type == set.Name)], position.ToString());
            }
        }
    }

    /// <inheritdoc />
    public async Task<SyncRecord?> GetAsync(IEntityMapper mapper, string id, CancellationToken cancellationToken)
    {
        var set = SetOf(mapper);
        if (await _client.GetAsync(set, id, mapper.ReadFields(), cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        await ReadLinesAsync(mapper, set, [record], cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <inheritdoc />
    /// <remarks>Joins the keys with <c>or</c> in <c>$filter</c>s sized to stay under the URL limit, then reads the lines of them all.</remarks>
    public async Task<IReadOnlyList<SyncRecord>> GetManyAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var set = SetOf(mapper);

        // An id that is no GUID is no key of Exact's, so it has no record.
        var terms = ids.Where(id => Guid.TryParse(id, out _)).Select(id => $"{set.Key} eq {ODataLiteral.Guid(id)}").Distinct(StringComparer.Ordinal);
        var found = await FilterAsync(set, mapper.ReadFields(), terms, cancellationToken).ConfigureAwait(false);
        await ReadLinesAsync(mapper, set, found, cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SyncRecord>> SearchAsync(IEntityMapper mapper, string field, IReadOnlyList<SyncValue> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var set = SetOf(mapper);
        var remoteType = mapper.Fields.FirstOrDefault(f => string.Equals(f.Field, field, StringComparison.OrdinalIgnoreCase))?.RemoteType;
        var operand = ExactPaddedText.Operand(set.Name, field);
        var terms = values.Where(v => !v.IsNull).Select(v => $"{operand} eq {ODataLiteral.Of(v, remoteType)}").Distinct(StringComparer.Ordinal);
        var found = await FilterAsync(set, mapper.ReadFields(), terms, cancellationToken).ConfigureAwait(false);
        await ReadLinesAsync(mapper, set, found, cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>The rows matching any of <paramref name="terms"/>, joined with <c>or</c> into as few calls as the URL limit allows.</summary>
    private async Task<List<SyncRecord>> FilterAsync(ExactOnlineEntitySet set, IReadOnlyList<string> fields, IEnumerable<string> terms, CancellationToken cancellationToken)
    {
        var found = new List<SyncRecord>();
        foreach (var chunk in EntityMapperFields.ChunkByUrlLength(terms, FilterBudget, separatorLength: "%20or%20".Length))
        {
            await foreach (var record in _client.FilterAsync(set, fields, string.Join(" or ", chunk), cancellationToken).ConfigureAwait(false))
            {
                found.Add(record);
            }
        }

        return found;
    }

    /// <summary>Reads the lines of every header in <paramref name="headers"/> through the lines set, filtered by the header keys.</summary>
    private Task ReadLinesAsync(IEntityMapper mapper, ExactOnlineEntitySet set, IReadOnlyList<SyncRecord> headers, CancellationToken cancellationToken) =>
        ChildRecords.ReadAsync(mapper, headers, (child, ids) => LinesOfAsync(set, child, ids, cancellationToken));

    private async IAsyncEnumerable<(string ParentId, SyncRecord Line)> LinesOfAsync(
        ExactOnlineEntitySet set, SyncChildDescriptor child, IReadOnlyList<string> headerIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parentField = child.ParentField ?? set.Key;
        var byKey = headerIds.ToDictionary(Guid.Parse);
        var fields = child.Mapper.ReadFields().Append(parentField).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var terms = byKey.Keys.Select(key => $"{parentField} eq {ODataLiteral.Guid(key.ToString())}");
        foreach (var line in await FilterAsync(SetOf(child.Mapper), fields, terms, cancellationToken).ConfigureAwait(false))
        {
            yield return (byKey[line[parentField].AsGuid()!.Value], line);
        }
    }

    private static ExactOnlineEntitySet SetOf(IEntityMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return ExactOnlineEntitySet.Find(mapper.Target.Type)
            ?? throw new NotSupportedException($"Exact Online entity set '{mapper.Target.Type}' is not known to the connector: known are {string.Join(", ", ExactOnlineEntitySet.Known.Select(s => s.Name))}.");
    }
}
