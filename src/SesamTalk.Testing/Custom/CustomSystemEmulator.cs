using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom.Emulation;
using SesamTalk.Testing.Custom.Http;
using SesamTalk.Testing.Custom.Schema;
using SesamTalk.Testing.Custom.Webhooks;
using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.Custom;

/// <summary>
/// A loopback emulator of a custom system (a host's own webshop, CRM or ERP) speaking the contract in
/// <c>docs/custom-system-contract.md</c>: change feed with keyset cursors, get, search, idempotent create, conditional
/// update and delete, batch, problem+json errors, a rate limit and fault injection. It serves the same endpoints a
/// host mounts with <see cref="CustomSystemEndpointRouteBuilderExtensions.MapCustomSystem"/>, over an in-memory store,
/// and the contract's webhooks: subscriptions, and signed deliveries of every write over loopback HTTP with retries.
/// Each instance is an independent system listening on its own free port of 127.0.0.1.
/// </summary>
public sealed class CustomSystemEmulator : IAsyncDisposable, IRandomFaults
{
    private readonly LoopbackHost _host;
    private readonly MemoryRecordStore _store;
    private readonly EmulatorControls _controls;
    private readonly CustomCatalog? _catalog;
    private readonly WebhookRegistry _webhooks;
    private readonly WebhookDispatcher _deliveries;

    private CustomSystemEmulator(
        LoopbackHost host, MemoryRecordStore store, EmulatorControls controls, CustomCatalog? catalog, string apiKey, WebhookRegistry webhooks, WebhookDispatcher deliveries)
    {
        _host = host;
        _store = store;
        _controls = controls;
        _catalog = catalog;
        ApiKey = apiKey;
        _webhooks = webhooks;
        _deliveries = deliveries;
    }

    /// <summary>The system's base URL, ending in "/": record types are paths below it (<c>{BaseUrl}Product/changes</c>).</summary>
    public Uri BaseUrl => _host.BaseUrl;

    /// <summary>The API key the emulator accepts as a bearer token.</summary>
    public string ApiKey { get; }

    /// <summary>Requests received per endpoint since start or the last <see cref="ResetCallCounts"/>, faulted and refused ones included.</summary>
    public IReadOnlyDictionary<CustomEndpoint, int> CallCounts => _controls.Calls.Snapshot;

    /// <summary>Starts an emulator on 127.0.0.1 on a free port.</summary>
    /// <param name="options">The settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<CustomSystemEmulator> StartAsync(CustomSystemEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CustomSystemEmulatorOptions();
        ArgumentException.ThrowIfNullOrEmpty(options.ApiKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RateLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RateLimitWindow, TimeSpan.Zero);
        var clock = options.TimeProvider ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(options.WebhookRetryDelays);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WebhookDisableAfterFailures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.WebhookTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WebhookGatherWindow, TimeSpan.Zero);
        var catalog = options.Catalog is null ? null : CustomCatalog.Parse(options.Catalog);
        var webhooks = new WebhookRegistry(clock, options.WebhookDisableAfterFailures);
        var deliveries = new WebhookDispatcher(webhooks, clock, options);
        var store = new MemoryRecordStore(clock, deliveries.Publish);
        var controls = new EmulatorControls(new RateLimiter(clock, options.RateLimit, options.RateLimitWindow));
        var endpointOptions = new CustomSystemOptions { ApiKey = options.ApiKey, Catalog = options.Catalog, TimeProvider = clock };
        try
        {
            var host = await LoopbackHost.StartAsync(app => CustomRoutes.Map(app, "/", store, endpointOptions, controls, webhooks), options.Port, cancellationToken)
                .ConfigureAwait(false);
            return new CustomSystemEmulator(host, store, controls, catalog, options.ApiKey, webhooks, deliveries);
        }
        catch
        {
            await deliveries.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Number of requests an endpoint has received.</summary>
    public int CallCount(CustomEndpoint endpoint) => _controls.Calls.Get(endpoint);

    /// <summary>Forgets the per-endpoint request counts.</summary>
    public void ResetCallCounts() => _controls.Calls.Reset();

    /// <summary>Queues a fault for the next matching request(s).</summary>
    public void Inject(CustomFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _controls.Faults.Add(fault);
    }

    /// <summary>Drops every queued fault.</summary>
    public void ClearFaults() => _controls.Faults.Clear();

    /// <inheritdoc />
    public IReadOnlyDictionary<RandomFaultKind, int> FaultCounts => _controls.Faults.Random.Counts;

    /// <inheritdoc />
    public void InjectRandomFaults(RandomFaultOptions options) => _controls.Faults.Random.Start(options);

    /// <inheritdoc />
    public void StopRandomFaults() => _controls.Faults.Random.Stop();

    /// <summary>Uses up the rest of the current rate-limit window: requests answer 429 until it restarts.</summary>
    public void ExhaustRateLimit() => _controls.Limiter.Exhaust();

    /// <summary>How many requests the rate limit refused with a 429 (injected faults not counted).</summary>
    public int RateLimitRefusals => _controls.Limiter.Refused;

    /// <summary>
    /// Creates a record directly in the store, as data that was there before the test or typed in by a user. With a
    /// catalog, field names, types and lengths are checked (read-only fields may be set). Returns the new id.
    /// </summary>
    /// <param name="type">The record type.</param>
    /// <param name="fields">The field values.</param>
    /// <param name="modifiedAt">The stamp (to the millisecond; it may equal, but not precede, earlier stamps); now when null.</param>
    public string Seed(string type, JsonObject fields, DateTimeOffset? modifiedAt = null)
    {
        var (name, values) = Checked(type, fields);
        return _store.Insert(name, values, modifiedAt).Id;
    }

    /// <summary>Sets fields of a live record directly in the store, as a user editing it would; stamps it and gives it a new version.</summary>
    /// <param name="type">The record type.</param>
    /// <param name="id">The record's id.</param>
    /// <param name="fields">The field values to set; others keep theirs.</param>
    /// <param name="modifiedAt">The stamp; now when null.</param>
    public void Edit(string type, string id, JsonObject fields, DateTimeOffset? modifiedAt = null)
    {
        var (name, values) = Checked(type, fields);
        _store.Update(LiveRecord(name, id), values, modifiedAt);
    }

    /// <summary>Deletes a record directly in the store, as a user would: the change feed then lists its tombstone.</summary>
    /// <param name="type">The record type.</param>
    /// <param name="id">The record's id.</param>
    /// <param name="modifiedAt">The stamp; now when null.</param>
    public void Delete(string type, string id, DateTimeOffset? modifiedAt = null) =>
        _store.Delete(LiveRecord(Checked(type, []).Type, id), modifiedAt);

    /// <summary>A copy of a record (tombstones included), or null when the id is unknown.</summary>
    public CustomRecord? GetRecord(string type, string id) => _store.Find(TypeName(type), id)?.Snapshot();

    /// <summary>Copies of all records of a type in creation order; tombstones only when asked.</summary>
    public IReadOnlyList<CustomRecord> GetRecords(string type, bool includeDeleted = false) =>
        [.. _store.Snapshot(TypeName(type)).Where(r => includeDeleted || !r.Deleted)];

    /// <summary>The webhook subscriptions, in creation order (never their secrets: those are shown once, by <c>POST /webhooks</c>).</summary>
    public IReadOnlyList<CustomWebhook> Webhooks => _webhooks.List();

    /// <summary>Every webhook delivery tried so far, retries and dropped ones included, oldest first.</summary>
    public IReadOnlyList<CustomWebhookDelivery> WebhookDeliveries => _deliveries.Log;

    /// <summary>Loses the next <paramref name="count"/> webhook deliveries: never sent and never retried, as if lost for good.</summary>
    public void DropDeliveries(int count) => _deliveries.Drop(count);

    /// <summary>Disables a webhook subscription, as the system does after too many failed deliveries: no more deliveries, shown as disabled.</summary>
    /// <param name="id">The subscription's id.</param>
    public void DisableWebhook(string id)
    {
        if (!_webhooks.Disable(id))
        {
            throw new ArgumentException($"No webhook subscription with id '{id}'.", nameof(id));
        }
    }

    /// <summary>Stops listening; in-flight requests get until <paramref name="cancellationToken"/> fires to finish.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>Stops delivering webhooks and listening (if still running) and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _deliveries.DisposeAsync().ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The type and fields under their catalog spelling; an unknown type or a value the catalog refuses throws.</summary>
    private (string Type, JsonObject Fields) Checked(string type, JsonObject fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(fields);
        if (_catalog is null)
        {
            return (type, fields);
        }

        var schema = _catalog.Find(type) ?? throw new ArgumentException($"The catalog has no type '{type}'.", nameof(type));
        var errors = FieldValidator.Validate(schema, fields, WriteKind.Seed);
        return errors.Count == 0 ? (schema.Name, FieldValidator.Canonical(schema, fields))
            : throw new ArgumentException(string.Join(" ", errors.Select(e => $"{e.Code}: {e.Message}")), nameof(fields));
    }

    private string TypeName(string type) => _catalog?.Find(type)?.Name ?? type;

    private StoredRecord LiveRecord(string type, string id) =>
        _store.Find(type, id) is { Deleted: false } record ? record : throw new ArgumentException($"No live {type} record with id '{id}'.", nameof(id));
}
