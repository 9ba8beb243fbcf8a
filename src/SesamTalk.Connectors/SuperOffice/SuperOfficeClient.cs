using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// Talks to one SuperOffice tenant over WebAPI v1. Reads changes through the archive list (<c>GET /api/v1/{Entity}</c>)
/// page by page (one page in memory at a time); reads, creates, updates (merge PATCH) and deletes single entities.
/// The quote carriers (QuoteAlternative, QuoteLine, Product) have no REST entity: the same calls go through the Quote
/// agent for them (see the QuoteAgent part). Records are in catalog form: nested list items and carriers as int ids,
/// dates as UTC instants.
/// </summary>
public sealed partial class SuperOfficeClient
{
    private readonly HttpClient _http;
    private readonly SuperOfficeSession _session;
    private readonly int _pageSize;

    /// <summary>Creates the client (IHttpClientFactory does this, with the auth and retry handlers in front).</summary>
    /// <param name="http">The HttpClient.</param>
    /// <param name="session">The tenant's session, which knows the API URL.</param>
    /// <param name="options">The connection's options.</param>
    public SuperOfficeClient(HttpClient http, SuperOfficeSession session, IOptions<SuperOfficeOptions> options)
    {
        _http = http;
        _session = session;
        _pageSize = options.Value.PageSize > 0 ? options.Value.PageSize : throw new ArgumentException("SesamTalk:SuperOffice:PageSize must be positive.", nameof(options));
    }

    /// <summary>
    /// Streams the records of <paramref name="entity"/> updated at or after <paramref name="updatedSince"/> (all when
    /// null), ordered by (<c>UpdatedDate</c>, primary key). Pages follow that order by key (the next page starts after
    /// the last row's updated time and key, <c>$top</c> rows at a time), so rows sharing one <c>updatedDate</c> across
    /// a page edge come exactly once and a record changed during the read moves behind the cursor instead of shifting
    /// others past it. The archive shows times to the second and the lower bound is inclusive: records updated in the
    /// cursor's second come again, so dedupe on (Id, ModifiedAt).
    /// </summary>
    /// <param name="entity">Contact, Person or Sale.</param>
    /// <param name="updatedSince">The cursor: the latest <see cref="SyncRecord.ModifiedAt"/> seen; null reads everything.</param>
    /// <param name="fields">Catalog fields to read besides the key and UpdatedDate (see <see cref="SuperOfficeEntity.ArchiveFields"/>); null reads every archive field.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public async IAsyncEnumerable<SyncRecord> ReadChangesAsync(
        SuperOfficeEntity entity, DateTimeOffset? updatedSince, IEnumerable<string>? fields = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in ReadChangePagesAsync(entity, updatedSince, fields, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in page)
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// Streams the records of <paramref name="entity"/> updated in or after the second of <paramref name="updatedFrom"/>
    /// in (<c>UpdatedDate</c>, primary key) order, one archive page (<c>$top</c> rows) at a time. The whole second is read
    /// again on purpose: the archive shows <c>updatedDate</c> to the second only, so a record changed later within the
    /// cursor's second, but with a lower key than the cursor's, would be behind a strict (updated, key) keyset and
    /// never read. The rows of that second come again; callers skip the unchanged ones by content.
    /// </summary>
    /// <param name="entity">Contact, Person or Sale.</param>
    /// <param name="updatedFrom">The last applied row's UpdatedDate; null reads everything.</param>
    /// <param name="fields">Catalog fields to read besides the key and UpdatedDate; null reads every archive field.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public IAsyncEnumerable<IReadOnlyList<SyncRecord>> ReadChangePagesAsync(
        SuperOfficeEntity entity, DateTimeOffset? updatedFrom, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        RestOnly(entity);
        var restriction = updatedFrom is { } since ? $"{entity.Columns["UpdatedDate"]} ge '{ArchiveDate(since)}'" : null;
        return ArchivePagesAsync(entity, restriction, fields, cancellationToken);
    }

    /// <summary>
    /// Streams the records of <paramref name="entity"/> whose archive columns match <paramref name="restriction"/>
    /// (an archive <c>$filter</c> such as <c>orgnr eq '123' or orgnr eq '456'</c>), page by page in (UpdatedDate, key) order.
    /// </summary>
    /// <param name="entity">Contact, Person or Sale.</param>
    /// <param name="restriction">The archive restriction, in archive column names.</param>
    /// <param name="fields">Catalog fields to read besides the key and UpdatedDate; null reads every archive field.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public IAsyncEnumerable<IReadOnlyList<SyncRecord>> FindPagesAsync(SuperOfficeEntity entity, string restriction, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        RestOnly(entity);
        ArgumentException.ThrowIfNullOrEmpty(restriction);
        return ArchivePagesAsync(entity, restriction, fields, cancellationToken);
    }

    /// <summary>
    /// Archive pages in (UpdatedDate, key) order. Each next page starts after the last row's updated second and key,
    /// so rows sharing one <c>updatedDate</c> across a page edge come exactly once within one read and a record changed
    /// during the read moves behind the position instead of shifting others past it.
    /// </summary>
    private async IAsyncEnumerable<IReadOnlyList<SyncRecord>> ArchivePagesAsync(
        SuperOfficeEntity entity, string? restriction, IEnumerable<string>? fields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var select = Select(entity, fields);
        var updated = entity.Columns["UpdatedDate"];
        (DateTimeOffset Updated, int Key)? after = null;
        while (true)
        {
            var keyset = after is { } position
                ? $"({updated} gt '{ArchiveDate(position.Updated)}') or ({updated} eq '{ArchiveDate(position.Updated)}' and {entity.KeyColumn} gt {Id(position.Key)})"
                : null;
            var filter = (restriction, keyset) switch
            {
                (null, null) => null,
                (null, _) => keyset,
                (_, null) => restriction,
                _ => $"({restriction}) and ({keyset})",
            };
            var query = "?$select=" + Uri.EscapeDataString(select)
                + (filter is null ? "" : "&$filter=" + Uri.EscapeDataString(filter))
                + "&$orderBy=" + Uri.EscapeDataString($"{updated} asc,{entity.KeyColumn} asc")
                + "&$top=" + _pageSize.ToString(CultureInfo.InvariantCulture);
            using var page = await SendAsync(HttpMethod.Get, Url(entity.Name + query), null, entity, null, cancellationToken).ConfigureAwait(false);
            var rows = Parse(entity, null, () => SuperOfficeRecordMapper.ReadPage(page!.RootElement, row => SuperOfficeRecordMapper.ReadRow(row, entity)));
            if (rows.Count > 0)
            {
                yield return rows;
            }

            if (rows.Count < _pageSize)
            {
                yield break;
            }

            var last = rows[^1];
            after = (last.ModifiedAt ?? DateTimeOffset.MinValue, ParseId(last.Id ?? throw new SuperOfficeApiException(HttpStatusCode.OK, SuperOfficeApiException.MalformedResponse, "An archive row has no PrimaryKey.", entity.Name, null)));
        }
    }

    /// <summary>Reads one entity by id; null when SuperOffice answers 404.</summary>
    /// <param name="entity">Contact, Person or Sale.</param>
    /// <param name="id">The primary key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<SyncRecord?> GetAsync(SuperOfficeEntity entity, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Agent is { } agent)
        {
            return await GetCarrierAsync(entity, agent, id, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            using var body = await SendAsync(HttpMethod.Get, EntityUrl(entity, id), null, entity, Id(id), cancellationToken).ConfigureAwait(false);
            return Parse(entity, Id(id), () => SuperOfficeRecordMapper.ReadEntity(body!.RootElement, entity));
        }
        catch (SuperOfficeApiException error) when (error.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Creates an entity (POST) and returns it as SuperOffice saved it (id, defaults, audit fields);
    /// <paramref name="record"/>'s <see cref="SyncRecord.Id"/> is set to the new id. A lost response is not repeated.
    /// </summary>
    /// <param name="entity">Contact, Person or Sale.</param>
    /// <param name="record">The fields to create with, in catalog form.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SuperOfficeApiException">SuperOffice refused the entity (400 with its ErrorType and message).</exception>
    public async Task<SyncRecord> CreateAsync(SuperOfficeEntity entity, SyncRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(record);
        SyncRecord created;
        if (entity.Agent is { } agent)
        {
            created = await SaveCarrierAsync(entity, agent, record, 0, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            using var body = await SendAsync(HttpMethod.Post, Url(entity.Name), SuperOfficeRecordMapper.Body(record, entity), entity, null, cancellationToken).ConfigureAwait(false);
            created = Parse(entity, null, () => SuperOfficeRecordMapper.ReadEntity(body!.RootElement, entity));
        }

        record.Id = created.Id ?? throw new SuperOfficeApiException(HttpStatusCode.Created, SuperOfficeApiException.MalformedResponse, $"The created entity has no {entity.Key}.", entity.Name, null);
        return created;
    }

    /// <summary>
    /// Writes the fields present in <paramref name="record"/> as a JSON merge patch (PATCH); fields left out keep their
    /// values (a PUT would empty them). A quote carrier, which the agent only saves whole, is read, changed and saved
    /// whole. Returns the entity as saved.
    /// </summary>
    /// <param name="entity">Contact, Person or Sale.</param>
    /// <param name="record">The record, with its <see cref="SyncRecord.Id"/> set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SuperOfficeApiException">SuperOffice refused the change, or the entity does not exist (404).</exception>
    public async Task<SyncRecord> UpdateAsync(SuperOfficeEntity entity, SyncRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(record);
        var id = ParseId(record.Id ?? throw new ArgumentException("The record to update has no Id.", nameof(record)));
        if (entity.Agent is { } agent)
        {
            return await UpdateCarrierAsync(entity, agent, record, id, cancellationToken).ConfigureAwait(false);
        }

        using var body = await SendAsync(HttpMethod.Patch, EntityUrl(entity, id), SuperOfficeRecordMapper.Body(record, entity), entity, Id(id), cancellationToken).ConfigureAwait(false);
        return Parse(entity, Id(id), () => SuperOfficeRecordMapper.ReadEntity(body!.RootElement, entity));
    }

    /// <summary>Deletes an entity; false when SuperOffice answers 404 because it is already gone.</summary>
    /// <param name="entity">Contact, Person or Sale.</param>
    /// <param name="id">The primary key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<bool> DeleteAsync(SuperOfficeEntity entity, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        try
        {
            using var _ = entity.Agent is { } agent
                ? await CallAgentAsync(agent.Delete, KeyArgument(entity, id), entity, Id(id), idempotent: true, cancellationToken).ConfigureAwait(false)
                : await SendAsync(HttpMethod.Delete, EntityUrl(entity, id), null, entity, Id(id), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SuperOfficeApiException error) when (error.Status == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static void RestOnly(SuperOfficeEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!entity.IsRest)
        {
            throw new NotSupportedException($"{entity.Name} has no archive list: it is served by the Quote agent only.");
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static int ParseId(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"'{id}' is not a SuperOffice id.", nameof(id));

    /// <summary>The archive's date literal: UTC to the second, no offset.</summary>
    private static string ArchiveDate(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Select(SuperOfficeEntity entity, IEnumerable<string>? fields)
    {
        var names = new List<string> { entity.Key, "UpdatedDate" };
        names.AddRange(fields ?? entity.ArchiveFields);
        return string.Join(",", names.Distinct(StringComparer.OrdinalIgnoreCase).Select(field => entity.Columns.TryGetValue(field, out var column)
            ? column
            : throw new ArgumentException($"{entity.Name}.{field} is not shown in the archive list; read it with GetAsync.", nameof(fields))));
    }

    private string Url(string relative) => _session.ApiUrl.AbsoluteUri + "v1/" + relative;

    private string EntityUrl(SuperOfficeEntity entity, int id) => Url(entity.Name + "/" + Id(id));

    private async Task<JsonDocument?> SendAsync(HttpMethod method, string url, string? json, SuperOfficeEntity entity, string? recordId, CancellationToken cancellationToken, bool? idempotent = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, method == HttpMethod.Patch ? "application/merge-patch+json" : "application/json");
        }

        // A merge patch sets the same values again and a repeated DELETE only finds the entity gone, so both may be
        // repeated; a POST is marked by its caller (agent reads and saves of existing carriers), else only a 429 or 503
        // (nothing was processed) repeats it.
        request.Options.Set(RetryHandler.Idempotent, idempotent ?? method != HttpMethod.Post);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await SuperOfficeApiException.ReadAsync(response, entity.Name, recordId, cancellationToken).ConfigureAwait(false);
        }

        // REST and agent deletes answer 204 without a body.
        if (method == HttpMethod.Delete || response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            throw new SuperOfficeApiException(response.StatusCode, SuperOfficeApiException.MalformedResponse, "The response body is not valid JSON: " + error.Message, entity.Name, recordId);
        }
    }

    /// <summary>Runs a read of a parsed body; a body of the wrong shape becomes a typed malformed-response error.</summary>
    private static T Parse<T>(SuperOfficeEntity entity, string? recordId, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or SyncValueException)
        {
            throw new SuperOfficeApiException(HttpStatusCode.OK, SuperOfficeApiException.MalformedResponse, "The response is not shaped as SuperOffice's: " + error.Message, entity.Name, recordId);
        }
    }
}
