using System.Collections;

namespace SesamTalk;

/// <summary>
/// A record of one remote type as the engine, the connectors and generated mappers exchange it: the remote id,
/// the modification stamp, a deleted flag, and field values by API name (compared case-insensitively, as the
/// supported APIs do). A field that is absent was not read; a field holding <see cref="SyncValue.Null"/> is empty.
/// </summary>
public sealed class SyncRecord : IEnumerable<KeyValuePair<string, SyncValue>>
{
    private readonly Dictionary<string, SyncValue> _fields;

    /// <summary>Creates an empty record.</summary>
    /// <param name="type">The remote type, e.g. <c>Product2</c>.</param>
    /// <param name="id">The remote id, or <see langword="null"/> for a record not created yet.</param>
    public SyncRecord(string type, string? id = null)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Id = id;
        _fields = new Dictionary<string, SyncValue>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The remote type.</summary>
    public string Type { get; }

    /// <summary>The remote id; <see langword="null"/> before the record is created.</summary>
    public string? Id { get; set; }

    /// <summary>When the remote system last modified the record (UTC), if known.</summary>
    public DateTimeOffset? ModifiedAt { get; set; }

    /// <summary>
    /// The remote system's version of the record (an ETag), when it has one; connectors send it back as a
    /// precondition so that a write never overwrites a change it has not seen.
    /// </summary>
    public string? Version { get; set; }

    /// <summary>Whether this is a tombstone: the record was deleted.</summary>
    public bool IsDeleted { get; set; }

    /// <summary>The number of fields present.</summary>
    public int Count => _fields.Count;

    /// <summary>The names of the fields present, in the order they were first set.</summary>
    public IEnumerable<string> FieldNames => _fields.Keys;

    /// <summary>Gets or sets a field. Getting a field that is absent throws <see cref="KeyNotFoundException"/>.</summary>
    /// <param name="field">The field's API name.</param>
    public SyncValue this[string field]
    {
        get => _fields.TryGetValue(field, out var value)
            ? value
            : throw new KeyNotFoundException($"{this} has no field '{field}'.");
        set => _fields[field] = value;
    }

    /// <summary>Reads a field if it is present.</summary>
    /// <param name="field">The field's API name.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns>Whether the field is present.</returns>
    public bool TryGetValue(string field, out SyncValue value) => _fields.TryGetValue(field, out value);

    /// <summary>Whether a field is present.</summary>
    /// <param name="field">The field's API name.</param>
    public bool Contains(string field) => _fields.ContainsKey(field);

    /// <summary>Removes a field.</summary>
    /// <param name="field">The field's API name.</param>
    /// <returns>Whether the field was present.</returns>
    public bool Remove(string field) => _fields.Remove(field);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, SyncValue>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The type and id, e.g. <c>Product2 01t5g000001AbCdAAK</c>, for messages.</summary>
    public override string ToString() => Type + " " + (Id ?? "(not created)");
}
