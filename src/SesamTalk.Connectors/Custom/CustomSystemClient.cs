using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Custom;

/// <summary>
/// Speaks the custom-system contract (docs/custom-system-contract.md) with one system: the change feed page by
/// page, reads, search by match keys, idempotent creates, and updates and deletes guarded by the record's version.
/// </summary>
public sealed class CustomSystemClient
{
    private readonly HttpClient _http;
    private readonly CustomConnectorOptions _options;

    /// <summary>Creates the client (<see cref="CustomSystemClients"/> does this).</summary>
    /// <param name="system">The system's name, e.g. <c>Customcrm</c>.</param>
    /// <param name="http">An HttpClient with the retry handler in front.</param>
    /// <param name="options">The system's options.</param>
    public CustomSystemClient(string system, HttpClient http, CustomConnectorOptions options)
    {
        System = system;
        _http = http;
        _options = options;
    }

    /// <summary>The most items one <see cref="BatchAsync"/> call takes (the contract's limit).</summary>
    public const int MaxBatchItems = 100;

    /// <summary>The most matches one <see cref="SearchAnyAsync"/> call takes (the contract's limit).</summary>
    public const int MaxSearchCriteria = 100;

    /// <summary>The most ids one <see cref="GetManyAsync"/> call takes (the contract's limit).</summary>
    public const int MaxReadIds = 100;

    /// <summary>The system's name.</summary>
    public string System { get; }

    /// <summary>Streams the change feed of <paramref name="type"/> from <paramref name="cursor"/> until caught up, one page at a time.</summary>
    /// <param name="type">The record type.</param>
    /// <param name="cursor">The last committed cursor; null or empty from the beginning.</param>
    /// <param name="cancellationToken">Stops between pages.</param>
    public async IAsyncEnumerable<CustomChangePage> ReadChangesAsync(string type, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var hasMore = true;
        while (hasMore)
        {
            var url = Path(type) + "/changes?limit=" + _options.PageSize + "&cursor=" + Uri.EscapeDataString(cursor ?? "");
            using var page = await SendAsync(HttpMethod.Get, url, null, null, cancellationToken).ConfigureAwait(false);
            var root = page!.RootElement;
            var records = root.GetProperty("records").EnumerateArray().Select(CustomRecordJson.Read).ToList();
            cursor = root.GetProperty("nextCursor").GetString();
            hasMore = root.GetProperty("hasMore").GetBoolean();
            yield return new CustomChangePage(records, cursor ?? "", hasMore);
        }
    }

    /// <summary>Reads one record; null when the system has no record with the id. A deleted record comes back as a tombstone.</summary>
    /// <param name="type">The record type.</param>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<SyncRecord?> GetAsync(string type, string id, CancellationToken cancellationToken = default)
    {
        try
        {
            using var json = await SendAsync(HttpMethod.Get, Path(type, id), null, null, cancellationToken).ConfigureAwait(false);
            return CustomRecordJson.Read(json!.RootElement);
        }
        catch (CustomSystemException error) when (error.ErrorCode == "not-found")
        {
            return null;
        }
        catch (CustomSystemException error) when (error.ErrorCode == "gone")
        {
            return new SyncRecord(type, id) { IsDeleted = true };
        }
    }

    /// <summary>
    /// Reads up to <see cref="MaxReadIds"/> records by id in one <c>POST /{type}/read</c>: each once, tombstones for
    /// deleted ones; an id without a record is left out. A server that predates the endpoint answers 404 or 405.
    /// </summary>
    /// <param name="type">The record type.</param>
    /// <param name="ids">The ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<SyncRecord>> GetManyAsync(string type, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count is 0 or > MaxReadIds)
        {
            throw new ArgumentOutOfRangeException(nameof(ids), ids.Count, $"A read takes 1 to {MaxReadIds} ids.");
        }

        var body = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("ids");
            foreach (var id in ids)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        using var json = await SendAsync(HttpMethod.Post, Path(type) + "/read", body, null, cancellationToken, idempotent: true).ConfigureAwait(false);
        return json!.RootElement.GetProperty("records").EnumerateArray().Select(CustomRecordJson.Read).ToList();
    }

    /// <summary>Every live record whose fields equal all of <paramref name="match"/>; several hits mean the match is ambiguous.</summary>
    /// <param name="type">The record type.</param>
    /// <param name="match">The match-key fields and values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<SyncRecord>> SearchAsync(string type, SyncRecord match, CancellationToken cancellationToken = default) =>
        SearchAsync(type, "match", writer => CustomRecordJson.WriteValues(writer, match), cancellationToken);

    /// <summary>
    /// Every live record whose fields equal all of any one of <paramref name="matches"/> (up to
    /// <see cref="MaxSearchCriteria"/>), once each, in one <c>anyOf</c> search.
    /// </summary>
    /// <param name="type">The record type.</param>
    /// <param name="matches">The match-key fields and values of each match.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<SyncRecord>> SearchAnyAsync(string type, IReadOnlyList<SyncRecord> matches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (matches.Count is 0 or > MaxSearchCriteria)
        {
            throw new ArgumentOutOfRangeException(nameof(matches), matches.Count, $"A search takes 1 to {MaxSearchCriteria} matches.");
        }

        return SearchAsync(type, "anyOf", writer =>
        {
            writer.WriteStartArray();
            foreach (var match in matches)
            {
                CustomRecordJson.WriteValues(writer, match);
            }

            writer.WriteEndArray();
        }, cancellationToken);
    }

    /// <summary>
    /// Creates the record under <paramref name="idempotencyKey"/> (derive it from the pending-create intent): a repeat
    /// after a crash or a lost response returns the record the first call created, never a second one.
    /// </summary>
    /// <param name="record">The record; its type and fields are sent.</param>
    /// <param name="idempotencyKey">The key naming this one intended record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created record as the system stored it.</returns>
    public async Task<SyncRecord> CreateAsync(SyncRecord record, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        using var json = await SendAsync(HttpMethod.Post, Path(record.Type), Body(record), request => request.Headers.Add("Idempotency-Key", idempotencyKey), cancellationToken, idempotent: true).ConfigureAwait(false);
        return CustomRecordJson.Read(json!.RootElement);
    }

    /// <summary>Sets the record's fields, only if the system still holds <see cref="SyncRecord.Version"/> (else <c>precondition-failed</c>).</summary>
    /// <param name="record">The record with its id, version and the fields to set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record as the system stored it.</returns>
    public async Task<SyncRecord> UpdateAsync(SyncRecord record, CancellationToken cancellationToken = default)
    {
        var id = record.Id ?? throw new ArgumentException($"{record} has no id to update.", nameof(record));
        using var json = await SendAsync(HttpMethod.Put, Path(record.Type, id), Body(record), request => IfMatch(request, record.Version), cancellationToken, idempotent: record.Version is not null).ConfigureAwait(false);
        return CustomRecordJson.Read(json!.RootElement);
    }

    /// <summary>Deletes the record, only if the system still holds <paramref name="version"/> when one is given.</summary>
    /// <param name="type">The record type.</param>
    /// <param name="id">The record's id.</param>
    /// <param name="version">The version last read, or null to delete unconditionally.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task DeleteAsync(string type, string id, string? version, CancellationToken cancellationToken = default)
    {
        using var _ = await SendAsync(HttpMethod.Delete, Path(type, id), null, request => IfMatch(request, version), cancellationToken, idempotent: true).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends up to <see cref="MaxBatchItems"/> creates and updates of one type in one call. Items run on their own: one
    /// result per item, in order. Repeating a batch after a lost response is safe (creates carry keys, updates versions).
    /// </summary>
    /// <param name="type">The record type.</param>
    /// <param name="items">The items.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<CustomBatchResult>> BatchAsync(string type, IReadOnlyList<CustomBatchItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count is 0 or > MaxBatchItems)
        {
            throw new ArgumentOutOfRangeException(nameof(items), items.Count, $"A batch holds 1 to {MaxBatchItems} items.");
        }

        var body = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteStartObject();
                writer.WriteString("op", item.IsCreate ? "create" : "update");
                if (item.IsCreate)
                {
                    writer.WriteString("idempotencyKey", item.IdempotencyKey);
                }
                else
                {
                    writer.WriteString("id", item.Record.Id);
                    if (item.Record.Version is { } version)
                    {
                        writer.WriteString("ifMatch", "\"" + version + "\"");
                    }
                }

                CustomRecordJson.WriteFields(writer, item.Record);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        using var json = await SendAsync(HttpMethod.Post, Path(type) + "/batch", body, null, cancellationToken, idempotent: true).ConfigureAwait(false);
        return json!.RootElement.GetProperty("results").EnumerateArray()
            .Select(result => result.TryGetProperty("record", out var record)
                ? new CustomBatchResult(CustomRecordJson.Read(record), null)
                : new CustomBatchResult(null, CustomProblems.Read(System, (System.Net.HttpStatusCode)result.GetProperty("status").GetInt32(), result.GetProperty("problem"))))
            .ToList();
    }

    /// <summary>A search is a read sent as POST: safe to repeat.</summary>
    private async Task<IReadOnlyList<SyncRecord>> SearchAsync(string type, string member, Action<Utf8JsonWriter> writeCriteria, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName(member);
            writeCriteria(writer);
            writer.WriteEndObject();
        });
        using var json = await SendAsync(HttpMethod.Post, Path(type) + "/search", body, null, cancellationToken, idempotent: true).ConfigureAwait(false);
        return json!.RootElement.GetProperty("records").EnumerateArray().Select(CustomRecordJson.Read).ToList();
    }

    private static void IfMatch(HttpRequestMessage request, string? version)
    {
        if (version is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"" + version + "\""));
        }
    }

    private static string Path(string type, string? id = null) =>
        Uri.EscapeDataString(type) + (id is null ? "" : "/" + Uri.EscapeDataString(id));

    private static string Body(SyncRecord record) => Json(writer =>
    {
        writer.WriteStartObject();
        CustomRecordJson.WriteFields(writer, record);
        writer.WriteEndObject();
    });

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Sends one call of the contract with the API key; a problem answer throws <see cref="CustomSystemException"/>, 204 gives null.</summary>
    internal async Task<JsonDocument?> SendAsync(HttpMethod method, string path, string? body, Action<HttpRequestMessage>? prepare, CancellationToken cancellationToken, bool idempotent = false)
    {
        var baseUrl = _options.BaseUrl ?? throw new InvalidOperationException($"SesamTalk:Custom:{System}:BaseUrl is not set.");
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        request.Options.Set(RetryHandler.Idempotent, idempotent);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        prepare?.Invoke(request);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await CustomProblems.ReadAsync(System, response, cancellationToken).ConfigureAwait(false);
        }

        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            throw new CustomSystemException(System, response.StatusCode, "malformed-response", "The response body is not valid JSON: " + error.Message, null, null, []);
        }
    }
}
