using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Talks to one Salesforce org over REST. Reads: SOQL queries streamed page by page (one page in memory at a
/// time), changes since a (SystemModstamp, Id) cursor, and the describe types that type every value. Writes: see
/// the other part of this class.
/// </summary>
public sealed partial class SalesforceClient
{
    private static readonly string[] CursorFields = ["Id", "SystemModstamp"];

    private readonly HttpClient _http;
    private readonly SalesforceSession _session;
    private readonly string _dataPath;
    private readonly ConcurrentDictionary<string, Described> _describes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the client (IHttpClientFactory does this, with the auth and retry handlers in front).</summary>
    /// <param name="http">The HttpClient.</param>
    /// <param name="session">The org's session, which knows the instance URL.</param>
    /// <param name="options">The org's options.</param>
    public SalesforceClient(HttpClient http, SalesforceSession session, Microsoft.Extensions.Options.IOptions<SalesforceOptions> options)
    {
        _http = http;
        _session = session;
        _dataPath = "/services/data/v" + options.Value.ApiVersion + "/";
    }

    /// <summary>Runs a SOQL query and streams every record of every page, following <c>nextRecordsUrl</c>.</summary>
    /// <param name="soql">The query.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public async IAsyncEnumerable<SyncRecord> QueryAsync(string soql, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in QueryPagesAsync(soql, includeDeleted: false, cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in page)
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// Runs a SOQL query and streams it one API page at a time (up to 2,000 records), following <c>nextRecordsUrl</c>;
    /// with <paramref name="includeDeleted"/> through <c>queryAll</c>, which also returns records in the Recycle Bin
    /// (<see cref="SyncRecord.IsDeleted"/> set when the query selects <c>IsDeleted</c>).
    /// </summary>
    /// <param name="soql">The query.</param>
    /// <param name="includeDeleted">Whether to use <c>queryAll</c>.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public async IAsyncEnumerable<IReadOnlyList<SyncRecord>> QueryPagesAsync(string soql, bool includeDeleted, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in QueryResultPagesAsync(soql, includeDeleted, cancellationToken).ConfigureAwait(false))
        {
            yield return page.Records;
        }
    }

    /// <summary><see cref="QueryPagesAsync"/> with each page's <c>totalSize</c> (the whole result's) and <c>done</c>.</summary>
    internal async IAsyncEnumerable<SalesforceQueryPage> QueryResultPagesAsync(string soql, bool includeDeleted, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var type = SoqlObject(soql);
        var fieldTypes = await DescribeAsync(type, cancellationToken).ConfigureAwait(false);
        var next = _dataPath + (includeDeleted ? "queryAll" : "query") + "?q=" + Uri.EscapeDataString(soql);
        while (next is not null)
        {
            using var page = await GetJsonAsync(next, cancellationToken).ConfigureAwait(false);
            var root = page.RootElement;
            next = root.TryGetProperty("nextRecordsUrl", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
            yield return new SalesforceQueryPage(
                [.. root.GetProperty("records").EnumerateArray().Select(json => SalesforceRecordReader.Read(json, type, fieldTypes))],
                root.TryGetProperty("totalSize", out var total) && total.TryGetInt32(out var size) ? size : 0,
                next is null);
        }
    }

    /// <summary>
    /// Streams the records of <paramref name="type"/> changed after the cursor, oldest first, ordered by
    /// (SystemModstamp, Id) so that records sharing one timestamp across a page edge are neither lost nor repeated.
    /// </summary>
    /// <param name="type">The sObject type.</param>
    /// <param name="fields">The fields to read besides Id and SystemModstamp.</param>
    /// <param name="since">The cursor's timestamp; null reads everything.</param>
    /// <param name="afterId">The cursor's id: at <paramref name="since"/>, only records with a greater id are read.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public IAsyncEnumerable<SyncRecord> GetChangesAsync(string type, IEnumerable<string> fields, DateTimeOffset? since, string? afterId, CancellationToken cancellationToken = default) =>
        QueryAsync(ChangesQuery(type, fields, since, afterId), cancellationToken);

    /// <summary>
    /// <see cref="GetChangesAsync"/> one API page at a time; with <paramref name="includeDeleted"/> through
    /// <c>queryAll</c>, so deletions come in the same order as tombstones (select <c>IsDeleted</c> to mark them).
    /// </summary>
    /// <param name="type">The sObject type.</param>
    /// <param name="fields">The fields to read besides Id and SystemModstamp.</param>
    /// <param name="since">The cursor's timestamp; null reads everything.</param>
    /// <param name="afterId">The cursor's id: at <paramref name="since"/>, only records with a greater id are read.</param>
    /// <param name="includeDeleted">Whether to read records in the Recycle Bin too.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public IAsyncEnumerable<IReadOnlyList<SyncRecord>> GetChangePagesAsync(string type, IEnumerable<string> fields, DateTimeOffset? since, string? afterId, bool includeDeleted, CancellationToken cancellationToken = default) =>
        QueryPagesAsync(ChangesQuery(type, fields, since, afterId), includeDeleted, cancellationToken);

    /// <summary>The describe type of every field of <paramref name="type"/>, fetched once per client.</summary>
    /// <param name="type">The sObject type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyDictionary<string, string>> DescribeAsync(string type, CancellationToken cancellationToken = default) =>
        (await DescribedAsync(type, cancellationToken).ConfigureAwait(false)).Types;

    /// <summary>The fields of <paramref name="type"/> that describe marks both External ID and unique: keys an upsert can match on.</summary>
    internal async Task<IReadOnlySet<string>> UniqueExternalIdsAsync(string type, CancellationToken cancellationToken) =>
        (await DescribedAsync(type, cancellationToken).ConfigureAwait(false)).UniqueExternalIds;

    /// <summary>What describe says of each field of <paramref name="type"/> that decides how Salesforce stores a written value.</summary>
    internal async Task<IReadOnlyDictionary<string, SalesforceFieldDescribe>> FieldsAsync(string type, CancellationToken cancellationToken) =>
        (await DescribedAsync(type, cancellationToken).ConfigureAwait(false)).Fields;

    private async Task<Described> DescribedAsync(string type, CancellationToken cancellationToken)
    {
        if (_describes.TryGetValue(type, out var known))
        {
            return known;
        }

        using var describe = await DescribeObjectAsync(type, cancellationToken).ConfigureAwait(false);
        var fields = describe.RootElement.GetProperty("fields").EnumerateArray().ToList();
        var described = fields.Select(SalesforceFieldDescribe.Read).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var types = described.Values.ToDictionary(f => f.Name, f => f.Type, StringComparer.OrdinalIgnoreCase);
        var keys = fields.Where(f => SalesforceFieldDescribe.Flag(f, "externalId") && SalesforceFieldDescribe.Flag(f, "unique"))
            .Select(f => f.GetProperty("name").GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return _describes.GetOrAdd(type, new Described(types, keys, described));
    }

    private sealed record Described(IReadOnlyDictionary<string, string> Types, IReadOnlySet<string> UniqueExternalIds, IReadOnlyDictionary<string, SalesforceFieldDescribe> Fields);

    /// <summary>The object's describe; an object the org lacks (404) is named, with where its name comes from.</summary>
    private async Task<JsonDocument> DescribeObjectAsync(string type, CancellationToken cancellationToken)
    {
        try
        {
            return await GetJsonAsync(_dataPath + "sobjects/" + Uri.EscapeDataString(type) + "/describe", cancellationToken).ConfigureAwait(false);
        }
        catch (SalesforceApiException error) when (error.Status == System.Net.HttpStatusCode.NotFound)
        {
            throw new SalesforceApiException(error,
                $"The Salesforce org has no sObject type '{type}' (its describe answered {(int)error.Status} {error.ErrorCode}: {error.RemoteMessage}). "
                + "Check the name the mapping gives in [SyncsWith(\"Salesforce\", ...)] against the org's catalog (*.catalog.json): custom objects end in __c, "
                + "and the object must be deployed to the org and visible to the integration user.");
        }
    }

    private Task<JsonDocument> GetJsonAsync(string relativeUrl, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Get, relativeUrl, null, cancellationToken);

    private async Task<JsonDocument> SendJsonAsync(HttpMethod method, string relativeUrl, HttpContent? content, CancellationToken cancellationToken)
    {
        // Updates set the same values again and deletes of deleted records are refused per record, so repeating
        // them is harmless; creates are not marked, so only a 429 or 503 (nothing was processed) repeats them.
        using var response = await SendAsync(method, relativeUrl, content, repeatable: method != HttpMethod.Post, cancellationToken).ConfigureAwait(false);
        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            throw new SalesforceApiException(response.StatusCode, SystemApiException.MalformedResponse, "The response body is not valid JSON: " + error.Message, []);
        }
    }

    /// <summary>Sends a request to the org's instance; an error answer throws <see cref="SalesforceApiException"/>, a success is the caller's to read and dispose.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativeUrl, HttpContent? content, bool repeatable, CancellationToken cancellationToken)
    {
        var instance = (await _session.GetTokenAsync(cancellationToken).ConfigureAwait(false)).InstanceUrl;
        using var request = new HttpRequestMessage(method, new Uri(instance, relativeUrl)) { Content = content };
        request.Options.Set(Http.RetryHandler.Idempotent, repeatable);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await SalesforceErrors.ReadAsync(response, null, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    /// <summary>
    /// The change query: records after the cursor in (SystemModstamp, Id) order; <paramref name="ordered"/> false leaves the
    /// ORDER BY out, as Bulk API 2.0 query jobs should (it keeps them from splitting the query into chunks).
    /// </summary>
    internal static string ChangesQuery(string type, IEnumerable<string> fields, DateTimeOffset? since, string? afterId, bool ordered = true)
    {
        var select = string.Join(", ", CursorFields.Concat(fields).Distinct(StringComparer.OrdinalIgnoreCase));
        var where = since is not { } stamp
            ? ""
            : afterId is null
                ? $" WHERE SystemModstamp > {SoqlLiteral.DateTime(stamp)}"
                : $" WHERE SystemModstamp > {SoqlLiteral.DateTime(stamp)} OR (SystemModstamp = {SoqlLiteral.DateTime(stamp)} AND Id > {SoqlLiteral.Text(afterId)})";
        return $"SELECT {select} FROM {type}{where}" + (ordered ? " ORDER BY SystemModstamp, Id" : "");
    }

    internal static string SoqlObject(string soql)
    {
        var words = soql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var from = Array.FindIndex(words, w => w.Equals("FROM", StringComparison.OrdinalIgnoreCase));
        return from >= 0 && from + 1 < words.Length ? words[from + 1] : throw new ArgumentException("The query has no FROM clause: " + soql, nameof(soql));
    }
}
