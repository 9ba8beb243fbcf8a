using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// The sync engine's view of one SuperOffice tenant: Contact, Person and Sale through REST and their archive lists;
/// QuoteAlternative, QuoteLine and Product through the Quote agent. Archive changes are keyset-paged on
/// (updatedDate, key), each archive page one <see cref="RemoteChangePage"/> whose cursor holds both; a read resumes at
/// the start of the cursor's second (the archive shows seconds only) and so reads that second's rows again. Quote
/// carriers carry no change stamp: their feed is a full walk each read (see the quote part). SuperOffice reports no
/// deletions. Searches join their values with <c>or</c> in archive restrictions sized to stay under the URL limit.
/// The WebAPI takes one entity per write call; a refused entity (400, or 404 for an update of an entity that is gone)
/// fails that record only, and a delete of an entity already gone succeeds. EntityElement lists (Emails, Phones,
/// Urls…) that a mapper maps as text are read and written as their first element.
/// </summary>
public sealed partial class SuperOfficeSyncConnector : ISyncConnector
{
    /// <summary>Characters of URL-escaped restriction terms one call may take.</summary>
    private const int FilterBudget = 6_000;

    private readonly SuperOfficeClient _client;
    private readonly ApiCallCounter<SuperOfficeClient> _calls;

    /// <summary>Creates the connector (DI does this).</summary>
    /// <param name="client">The tenant's client.</param>
    /// <param name="calls">The count of calls sent to the tenant.</param>
    public SuperOfficeSyncConnector(SuperOfficeClient client, ApiCallCounter<SuperOfficeClient> calls)
    {
        _client = client;
        _calls = calls;
    }

    /// <inheritdoc />
    public string System { get; init; } = "SuperOffice";

    /// <inheritdoc />
    public long ApiCalls => _calls.Calls;

    /// <inheritdoc />
    /// <remarks>SuperOffice Online reports no call quota in its responses.</remarks>
    public SyncApiUsage? Usage => null;

    /// <inheritdoc />
    /// <remarks>
    /// Every known type can be created, updated and deleted (REST POST/PATCH/DELETE; the agent's Save and Delete
    /// methods), one record a call: the agent's <c>SaveQuoteLines</c> takes several lines, but its answer to a refused
    /// line names neither the line nor whether the others were saved, so lines go one a call as well (children of an
    /// alternative excepted, which are saved together with it). No call honours idempotency keys and no feed
    /// reports deletions, so every type but Product lists its ids for the engine to find deletions by: a product taken
    /// out of assortment leaves product searches without being deleted, and would be taken for a deleted one.
    /// </remarks>
    public ConnectorCapabilities GetCapabilities(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var entity = Find(type);
        return new(CanCreate: true, CanUpdate: true, CanDelete: true, HonoursIdempotencyKeys: false, ReportsDeletions: false, MaxBatchSize: 1,
            ListsIds: entity != SuperOfficeEntity.Product);
    }

    /// <inheritdoc />
    /// <remarks>REST entities through their archive list with the key column only, 500 rows a call; quote alternatives and lines by the walk of every sale's quote.</remarks>
    public async IAsyncEnumerable<IReadOnlyList<string>> ListIdsAsync(IEntityMapper mapper, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entity = EntityOf(mapper);
        if (entity == SuperOfficeEntity.Product)
        {
            throw new NotSupportedException("SuperOffice products are listed in assortment only: their ids cannot tell a deleted product from a discontinued one.");
        }

        var pages = entity.IsRest ? _client.ReadChangePagesAsync(entity, null, [entity.Key], cancellationToken) : WalkAsync(entity, cancellationToken);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            yield return [.. page.Select(record => record.Id!)];
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RemoteChangePage> ReadChangesAsync(IEntityMapper mapper, string? cursor, CancellationToken cancellationToken)
    {
        var entity = EntityOf(mapper);
        return entity.IsRest ? ReadArchiveChangesAsync(mapper, entity, cursor, cancellationToken) : ReadQuoteChangesAsync(mapper, entity, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SyncRecord?> GetAsync(IEntityMapper mapper, string id, CancellationToken cancellationToken) =>
        (await ReadEntitiesAsync(mapper, EntityOf(mapper), [id], cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <inheritdoc />
    /// <remarks>
    /// In the form the feed reads them: REST entities whose mapped fields the archive shows through archive restrictions
    /// on the key joined with <c>or</c>, sized to stay under the URL limit; whole entities and quote carriers one a call,
    /// since the WebAPI documents no read of many of them.
    /// </remarks>
    public async Task<IReadOnlyList<SyncRecord>> GetManyAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var entity = EntityOf(mapper);
        if (ReadsWholeEntities(mapper, entity))
        {
            return await ReadEntitiesAsync(mapper, entity, ids.Distinct(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        var keys = ids.Select(ParseKey).OfType<int>().Distinct().Select(key => SyncValue.From(key)).ToList();
        return await SearchArchiveAsync(mapper, entity, entity.Key, keys, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// REST entities search their archive (only archive columns can be searched); products are found with the agent's
    /// <c>FindProduct</c> (one call per value, in-assortment products only) and compared exactly; quote alternatives
    /// and lines, which no agent method searches, are compared during a walk of every quote.
    /// </remarks>
    public async Task<IReadOnlyList<SyncRecord>> SearchAsync(IEntityMapper mapper, string field, IReadOnlyList<SyncValue> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var entity = EntityOf(mapper);
        var found = entity.IsRest
            ? await SearchArchiveAsync(mapper, entity, field, values, cancellationToken).ConfigureAwait(false)
            : await SearchQuoteCarriersAsync(mapper, entity, field, values, cancellationToken).ConfigureAwait(false);
        var textFields = SuperOfficeTextElements.TextFields(mapper, entity);
        foreach (var record in found)
        {
            SuperOfficeTextElements.ToText(record, textFields);
        }

        return found;
    }

    /// <summary>Archive pages from the start of the cursor's second; rows are completed by a read of the entity when the mapper wants fields the archive does not show.</summary>
    private async IAsyncEnumerable<RemoteChangePage> ReadArchiveChangesAsync(IEntityMapper mapper, SuperOfficeEntity entity, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = cursor is null ? (SuperOfficeChangeCursor?)null : SuperOfficeChangeCursor.Parse(cursor);
        var whole = ReadsWholeEntities(mapper, entity);
        await foreach (var rows in _client.ReadChangePagesAsync(entity, from?.Updated, ArchiveFields(mapper, entity), cancellationToken).ConfigureAwait(false))
        {
            var records = whole ? await ReadEntitiesAsync(mapper, entity, rows.Select(row => row.Id!), cancellationToken).ConfigureAwait(false) : rows;
            yield return new RemoteChangePage(records, SuperOfficeChangeCursor.After(rows[^1]).ToString());
        }
    }

    /// <summary>
    /// Whether the feed reads the mapper's records as whole entities: quote carriers always, REST entities when the
    /// mapper wants fields the archive does not show (archive rows show other forms: empty text as <c>""</c>, times to the
    /// second, an empty list item as 0).
    /// </summary>
    private static bool ReadsWholeEntities(IEntityMapper mapper, SuperOfficeEntity entity) =>
        !entity.IsRest || mapper.ReadFields().Any(f => !entity.Columns.ContainsKey(f));

    /// <summary>
    /// The entities with <paramref name="ids"/>, one read each, with their lines and their text-mapped element lists as
    /// text; an entity deleted since (or an id that is no SuperOffice key) is left out. The WebAPI reads one entity a call
    /// (no batch read is documented), and the fields that send a mapper here, such as the EntityElement lists, are not
    /// archive columns the reference names; each read is retried on its own by the client's pipeline, so one bad answer
    /// does not cost the others.
    /// </summary>
    private async Task<List<SyncRecord>> ReadEntitiesAsync(IEntityMapper mapper, SuperOfficeEntity entity, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var records = new List<SyncRecord>();
        foreach (var key in ids.Select(ParseKey).OfType<int>())
        {
            if (await _client.GetAsync(entity, key, cancellationToken).ConfigureAwait(false) is { } record)
            {
                records.Add(record);
            }
        }

        await ReadChildrenAsync(mapper, records, cancellationToken).ConfigureAwait(false);
        var textFields = SuperOfficeTextElements.TextFields(mapper, entity);
        foreach (var record in records)
        {
            SuperOfficeTextElements.ToText(record, textFields);
        }

        return records;
    }

    private async Task<List<SyncRecord>> SearchArchiveAsync(IEntityMapper mapper, SuperOfficeEntity entity, string field, IReadOnlyList<SyncValue> values, CancellationToken cancellationToken)
    {
        var column = entity.Columns.TryGetValue(field, out var name)
            ? name
            : throw new NotSupportedException($"SuperOffice's archive cannot search {entity.Name}.{field}: it is not an archive column.");
        var terms = values.Where(v => !v.IsNull).Select(v => $"{column} eq {ArchiveLiteral.Of(v)}").Distinct(StringComparer.Ordinal);
        var found = new List<SyncRecord>();
        foreach (var chunk in EntityMapperFields.ChunkByUrlLength(terms, FilterBudget, separatorLength: "%20or%20".Length))
        {
            await foreach (var page in _client.FindPagesAsync(entity, string.Join(" or ", chunk), ArchiveFields(mapper, entity), cancellationToken).ConfigureAwait(false))
            {
                found.AddRange(page);
            }
        }

        return found;
    }

    /// <summary>The mapper's fields the archive shows; the others are read with <see cref="GetAsync"/>.</summary>
    private static List<string> ArchiveFields(IEntityMapper mapper, SuperOfficeEntity entity) =>
        [.. mapper.ReadFields().Where(entity.Columns.ContainsKey)];

    private static int Key(string id) => int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int? ParseKey(string id) => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? key : null;

    private static SuperOfficeEntity EntityOf(IEntityMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return Find(mapper.Target.Type);
    }

    private static SuperOfficeEntity Find(string type) => SuperOfficeEntity.Find(type)
        ?? throw new NotSupportedException($"SuperOffice entity '{type}' is not known to the connector: known are {string.Join(", ", SuperOfficeEntity.Known.Select(e => e.Name))}.");
}
