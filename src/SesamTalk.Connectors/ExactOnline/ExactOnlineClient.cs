using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// Talks to one Exact Online division over REST (OData v2). Reads stream page by page (one page in memory at a time)
/// following <c>__next</c>: an entity set changed after a <c>Modified</c> time (60 rows a page), the sync API after a
/// <c>Timestamp</c> (1,000 rows a page) and its deletes, and one record by key. Writes: see the other part of this class.
/// </summary>
public sealed partial class ExactOnlineClient
{
    private readonly HttpClient _http;
    private readonly ExactOnlineSession _session;
    private readonly int? _division;

    /// <summary>Creates the client (IHttpClientFactory does this, with the auth, retry and pacing handlers in front).</summary>
    /// <param name="http">The HttpClient.</param>
    /// <param name="session">The division's session, which knows the site URL.</param>
    /// <param name="options">The connection's options.</param>
    public ExactOnlineClient(HttpClient http, ExactOnlineSession session, IOptions<ExactOnlineOptions> options)
    {
        _http = http;
        _session = session;
        _division = options.Value.Division;
    }

    /// <summary>
    /// Streams the rows of <paramref name="set"/> with the given fields, all of them or those modified after
    /// <paramref name="modifiedAfter"/> (<c>Modified gt datetime'…'</c>). Exact pages by key, so rows sharing one
    /// Modified value across a page edge all come exactly once. Use the latest <see cref="SyncRecord.ModifiedAt"/> seen
    /// as the next cursor; the sync API (<see cref="ReadChangesAsync"/>) has no ties at all.
    /// </summary>
    /// <param name="set">The entity set.</param>
    /// <param name="fields">The fields to read besides the key and Modified.</param>
    /// <param name="modifiedAfter">Only rows modified after this instant (milliseconds count); null reads every row.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public IAsyncEnumerable<SyncRecord> ReadAsync(ExactOnlineEntitySet set, IEnumerable<string> fields, DateTimeOffset? modifiedAfter = null, CancellationToken cancellationToken = default) =>
        FilterAsync(set, fields, modifiedAfter is { } after ? $"Modified gt datetime'{ExactWireFormat.FormatRequestDate(after)}'" : null, cancellationToken);

    /// <summary>
    /// Streams the rows of <paramref name="set"/> that match an OData v2 <c>$filter</c> (e.g.
    /// <c>Code eq 'A1' or Code eq 'B2'</c>), or every row when it is null.
    /// </summary>
    /// <param name="set">The entity set.</param>
    /// <param name="fields">The fields to read besides the key and Modified.</param>
    /// <param name="filter">The filter expression, unescaped.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public IAsyncEnumerable<SyncRecord> FilterAsync(ExactOnlineEntitySet set, IEnumerable<string> fields, string? filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var query = "?$select=" + Select([set.Key, .. set.HasModified ? ["Modified"] : Array.Empty<string>()], fields);
        if (filter is not null)
        {
            query += "&$filter=" + Uri.EscapeDataString(filter);
        }

        return Flatten(PagesAsync(set.Path + query, set, cancellationToken));
    }

    /// <summary>
    /// Streams the rows of <paramref name="set"/> written after <paramref name="afterTimestamp"/> through the sync API
    /// (<c>sync/…</c>, <c>Timestamp gt n</c>), oldest write first. Each record carries its <c>Timestamp</c> field (a
    /// rowversion, unique per write): keep the highest as the next cursor.
    /// </summary>
    /// <param name="set">The entity set; it needs a <see cref="ExactOnlineEntitySet.SyncPath"/>.</param>
    /// <param name="fields">The fields to read besides Timestamp, the key and Modified.</param>
    /// <param name="afterTimestamp">The cursor; null starts from the beginning (<c>Timestamp gt 1</c>, as Exact advises).</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public IAsyncEnumerable<SyncRecord> ReadChangesAsync(ExactOnlineEntitySet set, IEnumerable<string> fields, long? afterTimestamp, CancellationToken cancellationToken = default) =>
        Flatten(ReadChangePagesAsync(set, fields, afterTimestamp, cancellationToken));

    /// <summary><see cref="ReadChangesAsync"/> one API page (up to 1,000 rows) at a time.</summary>
    /// <param name="set">The entity set; it needs a <see cref="ExactOnlineEntitySet.SyncPath"/>.</param>
    /// <param name="fields">The fields to read besides Timestamp, the key and Modified.</param>
    /// <param name="afterTimestamp">The cursor; null starts from the beginning.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public IAsyncEnumerable<IReadOnlyList<SyncRecord>> ReadChangePagesAsync(ExactOnlineEntitySet set, IEnumerable<string> fields, long? afterTimestamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var path = set.SyncPath ?? throw new ArgumentException($"{set.Name} has no sync API.", nameof(set));
        var select = Select(["Timestamp", set.Key, .. set.HasModified ? ["Modified"] : Array.Empty<string>()], fields);
        return PagesAsync($"sync/{path}?$select={select}&$filter={Uri.EscapeDataString(TimestampFilter(afterTimestamp))}", set, cancellationToken);
    }

    /// <summary>
    /// Streams tombstones from <c>sync/Deleted</c> written after <paramref name="afterTimestamp"/>, oldest first: each is
    /// a record of the deleted entity's set (unknown EntityType codes give <c>EntityType{n}</c>) with
    /// <see cref="SyncRecord.IsDeleted"/> set, its key as <see cref="SyncRecord.Id"/>, and the delete's <c>Timestamp</c> field.
    /// </summary>
    /// <param name="afterTimestamp">The cursor; null starts from the beginning.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public IAsyncEnumerable<SyncRecord> ReadDeletedAsync(long? afterTimestamp, CancellationToken cancellationToken = default) =>
        Flatten(ReadDeletedPagesAsync(afterTimestamp, cancellationToken));

    /// <summary><see cref="ReadDeletedAsync"/> one API page (up to 1,000 tombstones of every set) at a time.</summary>
    /// <param name="afterTimestamp">The cursor; null starts from the beginning.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public async IAsyncEnumerable<IReadOnlyList<SyncRecord>> ReadDeletedPagesAsync(long? afterTimestamp, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var deleted = new ExactOnlineEntitySet("Deleted", "sync/Deleted", "EntityKey", null);
        var query = "sync/Deleted?$select=Timestamp,EntityKey,EntityType,DeletedDate&$filter=" + Uri.EscapeDataString(TimestampFilter(afterTimestamp));
        await foreach (var page in PagesAsync(query, deleted, cancellationToken).ConfigureAwait(false))
        {
            yield return [.. page.Select(Tombstone)];
        }
    }

    private static SyncRecord Tombstone(SyncRecord row)
    {
        var code = row.TryGetValue("EntityType", out var type) ? type.AsInt32() : null;
        var name = ExactOnlineEntitySet.Known.FirstOrDefault(s => s.DeletedEntityType == code)?.Name ?? "EntityType" + code?.ToString(CultureInfo.InvariantCulture);
        var tombstone = new SyncRecord(name, row.Id) { IsDeleted = true, ModifiedAt = row.TryGetValue("DeletedDate", out var at) ? at.AsDateTimeOffset() : null };
        tombstone["Timestamp"] = row["Timestamp"];
        return tombstone;
    }

    /// <summary>Reads one record by key; null when Exact answers 404.</summary>
    /// <param name="set">The entity set.</param>
    /// <param name="id">The key (a GUID).</param>
    /// <param name="fields">The fields to read; null reads all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<SyncRecord?> GetAsync(ExactOnlineEntitySet set, string id, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var query = fields is null ? "" : "?$select=" + Select([set.Key], fields);
        try
        {
            using var body = await SendAsync(HttpMethod.Get, await EntityUrlAsync(set, id, cancellationToken).ConfigureAwait(false) + query, null, set, id, cancellationToken).ConfigureAwait(false);
            return Parse(set, id, () => ExactOnlineRecordReader.Read(Data(body!), set));
        }
        catch (ExactOnlineApiException error) when (error.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<SyncRecord>> PagesAsync(string relativeUrl, ExactOnlineEntitySet set, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var root = await ApiRootAsync(cancellationToken).ConfigureAwait(false);
        string? next = root + relativeUrl;
        while (next is not null)
        {
            using var page = await SendAsync(HttpMethod.Get, next, null, set, null, cancellationToken).ConfigureAwait(false);
            var (rows, link) = Parse(set, null, () => Page(Data(page!), set));
            yield return rows;
            next = link is null ? null : SameSite(link, set);
        }
    }

    private static async IAsyncEnumerable<SyncRecord> Flatten(IAsyncEnumerable<IReadOnlyList<SyncRecord>> pages)
    {
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var row in page)
            {
                yield return row;
            }
        }
    }

    /// <summary>A page's rows, from <c>{"results":[…],"__next"}</c> or, after <c>$top</c>, a bare array.</summary>
    private static (List<SyncRecord> Rows, string? Next) Page(JsonElement d, ExactOnlineEntitySet set)
    {
        var results = d.ValueKind == JsonValueKind.Array ? d : d.GetProperty("results");
        var rows = results.EnumerateArray().Select(row => ExactOnlineRecordReader.Read(row, set)).ToList();
        var next = d.ValueKind == JsonValueKind.Object && d.TryGetProperty("__next", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        return (rows, next);
    }

    /// <summary>The bearer token goes only to the configured site: a <c>__next</c> link elsewhere is refused.</summary>
    private string SameSite(string link, ExactOnlineEntitySet set) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && Uri.Compare(uri, _session.BaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? uri.AbsoluteUri
            : throw new ExactOnlineApiException(HttpStatusCode.OK, ExactOnlineApiException.MalformedResponse, "The __next link does not point to the configured site.", set.Name, null);

    private async Task<string> ApiRootAsync(CancellationToken cancellationToken)
    {
        if ((_division ?? _session.CurrentDivision) is not { } division)
        {
            division = await CurrentDivisionAsync(cancellationToken).ConfigureAwait(false);
            _session.CurrentDivision = division;
        }

        return _session.BaseUrl.AbsoluteUri + "api/v1/" + division.ToString(CultureInfo.InvariantCulture) + "/";
    }

    private async Task<int> CurrentDivisionAsync(CancellationToken cancellationToken)
    {
        var me = new ExactOnlineEntitySet("Me", "current/Me", "UserID", null);
        using var body = await SendAsync(HttpMethod.Get, _session.BaseUrl.AbsoluteUri + "api/v1/current/Me?$select=CurrentDivision", null, me, null, cancellationToken).ConfigureAwait(false);
        return Parse(me, null, () => Page(Data(body!), me).Rows[0]["CurrentDivision"].AsInt32()!.Value);
    }

    private async Task<string> EntityUrlAsync(ExactOnlineEntitySet set, string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var key)
            ? $"{await ApiRootAsync(cancellationToken).ConfigureAwait(false)}{set.Path}(guid'{key:D}')"
            : throw new ArgumentException($"'{id}' is not an Exact Online key (a GUID).", nameof(id));

    private async Task<JsonDocument?> SendAsync(HttpMethod method, string url, string? json, ExactOnlineEntitySet set, string? recordId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        // PUT sets the same values again and a repeated DELETE only finds the record gone, so both may be repeated;
        // a POST (a create: Exact takes no idempotency key) is not marked, so only a 429 or 503 (nothing was processed)
        // repeats it.
        request.Options.Set(RetryHandler.Idempotent, method != HttpMethod.Post);
        if (method == HttpMethod.Post)
        {
            // Without it Exact answers a create with every property but the key null.
            request.Headers.Add("Prefer", "return=representation");
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ExactOnlineErrors.ReadAsync(response, set.Name, recordId, cancellationToken).ConfigureAwait(false);
        }

        if (method == HttpMethod.Put || method == HttpMethod.Delete)
        {
            return null;
        }

        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            throw new ExactOnlineApiException(response.StatusCode, ExactOnlineApiException.MalformedResponse, "The response body is not valid JSON: " + error.Message, set.Name, recordId);
        }
    }

    private static JsonElement Data(JsonDocument body) => body.RootElement.GetProperty("d");

    /// <summary>Runs a read of a parsed body; a body of the wrong shape becomes a typed malformed-response error.</summary>
    private static T Parse<T>(ExactOnlineEntitySet set, string? recordId, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentOutOfRangeException or SyncValueException)
        {
            throw new ExactOnlineApiException(HttpStatusCode.OK, ExactOnlineApiException.MalformedResponse, "The response is not shaped as Exact Online's: " + error.Message, set.Name, recordId);
        }
    }

    private static string Select(IEnumerable<string> required, IEnumerable<string> fields) =>
        string.Join(",", required.Concat(fields ?? throw new ArgumentNullException(nameof(fields))).Distinct(StringComparer.Ordinal).Select(Uri.EscapeDataString));

    private static string TimestampFilter(long? afterTimestamp) =>
        "Timestamp gt " + (afterTimestamp ?? 1).ToString(CultureInfo.InvariantCulture);
}
