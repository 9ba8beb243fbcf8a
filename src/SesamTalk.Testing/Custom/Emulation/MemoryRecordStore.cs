using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom.Http;

namespace SesamTalk.Testing.Custom.Emulation;

/// <summary>
/// The emulator's records: per type, with tombstones, idempotency keys, versions and monotonic modification stamps
/// (several records may share one millisecond, as in real systems). Each type's <see cref="RecordTable"/> keeps its
/// records in feed order, so a change page costs O(log n + page). One gate serialises every read and write.
/// Every write, through the API or the emulator's own methods, is reported to <paramref name="written"/> (the webhooks).
/// </summary>
internal sealed class MemoryRecordStore(TimeProvider clock, Action<RecordWrite>? written = null) : ICustomRecordStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, RecordTable> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Key), string> _idempotency = [];

    // A random start keeps ids of two emulator instances apart, so a test cannot pass by id coincidence.
    private long _sequence = Random.Shared.NextInt64(100_000_000, 900_000_000);
    private long _version;
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;

    /// <summary>Any type exists; a catalog, when given, limits the types before the store is asked.</summary>
    public bool HasType(string type) => type.Length > 0;

    public Task<IReadOnlyList<CustomRecord>> ListChangesAsync(
        string type, ChangeCursor? after, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<CustomRecord> page = _types.TryGetValue(type, out var table)
                ? [.. table.Changes(after, before).Take(limit).Select(r => r.Snapshot())]
                : [];
            return Task.FromResult(page);
        }
    }

    public Task<CustomRecord?> GetAsync(string type, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Find(type, id)?.Snapshot());
        }
    }

    public Task<IReadOnlyList<CustomRecord>> SearchAsync(
        string type, IReadOnlyDictionary<string, JsonNode?> match, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<CustomRecord> hits = [.. Records(type)
                .Where(r => !r.Deleted && match.All(m => Matches(Field(r.Fields, m.Key), m.Value)))
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => r.Snapshot())];
            return Task.FromResult(hits);
        }
    }

    public Task<CustomWriteResult> CreateAsync(string type, JsonObject fields, string? idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (idempotencyKey is not null && _idempotency.TryGetValue((type, idempotencyKey), out var firstId))
            {
                return Task.FromResult(CustomWriteResult.Replayed(Find(type, firstId)!.Snapshot()));
            }

            var record = Insert(type, fields, null);
            if (idempotencyKey is not null)
            {
                _idempotency[(type, idempotencyKey)] = record.Id;
            }

            return Task.FromResult(CustomWriteResult.Created(record.Snapshot()));
        }
    }

    public Task<CustomWriteResult> UpdateAsync(
        string type, string id, JsonObject fields, string? expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var record = Find(type, id);
            var refusal = Refusal(record, expectedVersion);
            if (refusal is not null)
            {
                return Task.FromResult(refusal);
            }

            Update(record!, fields, null);
            return Task.FromResult(CustomWriteResult.Updated(record!.Snapshot()));
        }
    }

    public Task<CustomWriteResult> DeleteAsync(string type, string id, string? expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var record = Find(type, id);
            if (record is { Deleted: true })
            {
                return Task.FromResult(CustomWriteResult.Deleted(record.Snapshot()));
            }

            var refusal = Refusal(record, expectedVersion);
            if (refusal is not null)
            {
                return Task.FromResult(refusal);
            }

            Delete(record!, null);
            return Task.FromResult(CustomWriteResult.Deleted(record!.Snapshot()));
        }
    }

    /// <summary>Adds a record, stamped at <paramref name="at"/> or now.</summary>
    public StoredRecord Insert(string type, JsonObject fields, DateTimeOffset? at)
    {
        lock (_gate)
        {
            var id = (++_sequence).ToString("D12", CultureInfo.InvariantCulture);
            var record = new StoredRecord(type, id) { Fields = fields.DeepClone().AsObject() };
            var stamp = NextStamp(at);
            if (!_types.TryGetValue(type, out var table))
            {
                _types[type] = table = new RecordTable();
            }

            table.Add(record, stamp);
            NewVersion(record);
            written?.Invoke(new RecordWrite(type, RecordWrite.Created, id));
            return record;
        }
    }

    /// <summary>Sets the given fields of a live record, stamped at <paramref name="at"/> or now.</summary>
    public void Update(StoredRecord record, JsonObject fields, DateTimeOffset? at)
    {
        lock (_gate)
        {
            foreach (var (name, value) in fields)
            {
                var existing = record.Fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Key;
                record.Fields[existing ?? name] = value?.DeepClone();
            }

            Touch(record, at);
            written?.Invoke(new RecordWrite(record.Type, RecordWrite.Updated, record.Id));
        }
    }

    /// <summary>Turns a live record into a tombstone, stamped at <paramref name="at"/> or now.</summary>
    public void Delete(StoredRecord record, DateTimeOffset? at)
    {
        lock (_gate)
        {
            record.Deleted = true;
            record.Fields = [];
            Touch(record, at);
            written?.Invoke(new RecordWrite(record.Type, RecordWrite.Deleted, record.Id));
        }
    }

    public StoredRecord? Find(string type, string id)
    {
        lock (_gate)
        {
            return _types.GetValueOrDefault(type)?.Find(id);
        }
    }

    /// <summary>Copies of the records of a type in creation order.</summary>
    public IReadOnlyList<CustomRecord> Snapshot(string type)
    {
        lock (_gate)
        {
            return [.. Records(type).OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Snapshot())];
        }
    }

    private IEnumerable<StoredRecord> Records(string type) => _types.GetValueOrDefault(type)?.Records ?? [];

    private static CustomWriteResult? Refusal(StoredRecord? record, string? expectedVersion) => record switch
    {
        null => CustomWriteResult.NotFound,
        { Deleted: true } => CustomWriteResult.Gone,
        _ when expectedVersion is not null && expectedVersion != record.Version => CustomWriteResult.VersionMismatch(record.Snapshot()),
        _ => null,
    };

    /// <summary>Stamps a write to a stored record (moving it to its new place in the feed) and gives it a new version.</summary>
    private void Touch(StoredRecord record, DateTimeOffset? at)
    {
        var stamp = NextStamp(at);
        _types[record.Type].Restamp(record, stamp);
        NewVersion(record);
    }

    /// <summary>
    /// The stamp of a write: now (or the given time) to the millisecond, never before the last stamp handed out. An
    /// explicit time before the last stamp is refused: the feed would hide the change behind cursors.
    /// </summary>
    private DateTimeOffset NextStamp(DateTimeOffset? at)
    {
        DateTimeOffset stamp;
        if (at is { } wanted)
        {
            stamp = RecordJson.TruncateToMillisecond(wanted);
            if (stamp < _lastStamp)
            {
                throw new ArgumentException(
                    $"Stamp {RecordJson.Stamp(stamp)} is before the last stamp {RecordJson.Stamp(_lastStamp)}; stamps never go back.", nameof(at));
            }
        }
        else
        {
            var now = RecordJson.TruncateToMillisecond(clock.GetUtcNow());
            stamp = now > _lastStamp ? now : _lastStamp;
        }

        _lastStamp = stamp;
        return stamp;
    }

    private void NewVersion(StoredRecord record) => record.Version = (++_version).ToString(CultureInfo.InvariantCulture);

    private static JsonNode? Field(JsonObject fields, string name) =>
        fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Text compares case-insensitively, numbers by value, null matches an empty or absent field.</summary>
    private static bool Matches(JsonNode? actual, JsonNode? wanted)
    {
        static bool Empty(JsonNode? node) => node is null || (node.GetValueKind() == JsonValueKind.String && ((string)node!).Length == 0);

        if (Empty(wanted) || Empty(actual))
        {
            return Empty(wanted) && Empty(actual);
        }

        return (actual!.GetValueKind(), wanted!.GetValueKind()) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => string.Equals((string)actual!, (string)wanted!, StringComparison.OrdinalIgnoreCase),
            (JsonValueKind.Number, JsonValueKind.Number) => JsonNumber.Equal(actual!, wanted!),
            _ => JsonNode.DeepEquals(actual, wanted),
        };
    }
}
