using System.Buffers;
using System.Text;
using System.Text.Json;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The per-field tokens both sides held after a link's last sync, stored with the link as a small JSON object. A
/// side whose token differs from the agreed one changed that field since.
/// </summary>
/// <remarks>
/// A system may store a value other than the one written to it (padded, trimmed, rounded to the field's scale). For
/// such a field the state keeps, beside the agreed token, the token of what the remote system stored (under
/// <see cref="RemoteKey"/>), and each side is compared with its own: the stored form of a write is no edit.
/// </remarks>
internal sealed class AgreedState : IUtf8JsonValue
{
    /// <summary>The stored form's key of the remote system's tokens where they differ from the agreed ones.</summary>
    private const string RemoteKey = "@remote";

    // The stored form is written into one reused buffer a thread: a commit writes a state for every link of its unit.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // Null while the state is packed (see Pack), made again from _packed when the state is read or changed.
    private Dictionary<string, string>? _tokens;

    // Made on the first field the remote system stores in another form: most links have none.
    private Dictionary<string, string>? _remote;

    // The stored form's UTF-8, while the state is packed.
    private byte[]? _packed;

    private AgreedState(Dictionary<string, string> tokens, Dictionary<string, string>? remote)
    {
        _tokens = tokens;
        _remote = remote;
    }

    private AgreedState(byte[] packed) => _packed = packed;

    /// <summary>The tokens by field, made again from the packed form when the state is packed.</summary>
    private Dictionary<string, string> Tokens => _tokens ?? Unpack();

    /// <summary>An empty state (before the first sync of a link).</summary>
    public static AgreedState Empty() => new(NewTokens(), remote: null);

    /// <summary>Reads a stored state; null or unreadable text gives null (the link then merges as on first contact).</summary>
    public static AgreedState? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var state = Empty();
            state.Fill(document.RootElement);
            return state;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The state of a pair that agrees by construction (a record just created from the other): fields that travel to
    /// the remote system take the host's token, the others the remote record's.
    /// </summary>
    public static AgreedState Observe(IReadOnlyList<MergeField> fields, SyncRecord host, SyncRecord remote)
    {
        var state = new AgreedState(NewTokens(fields.Count), remote: null);
        foreach (var field in fields)
        {
            var token = field.Direction == FieldDirection.ToRemote
                ? field.Token(host)
                : field.Token(remote) ?? (field.Direction == FieldDirection.Both ? field.Token(host) : null);
            if (token is not null)
            {
                state.Set(field.Name, token);
            }
        }

        return state;
    }

    /// <summary>The agreed token of a field (the host's form of the value), when there is one.</summary>
    public bool TryGet(string field, out string token) => Tokens.TryGetValue(field, out token!);

    /// <summary>The token of the agreed value as the remote system stores it: its own where it stored another form, else the agreed one.</summary>
    public string? RemoteToken(string field)
    {
        var tokens = Tokens; // first: a packed state's remote forms come back with its tokens
        return _remote is not null && _remote.TryGetValue(field, out var stored) ? stored : tokens.GetValueOrDefault(field);
    }

    /// <summary>Whether the remote system stores the agreed value of a field in another form.</summary>
    public bool StoresOtherForm(string field)
    {
        _ = Tokens; // a packed state's remote forms come back with its tokens
        return _remote is not null && _remote.ContainsKey(field);
    }

    /// <summary>Sets the agreed token of a field, held alike by both sides.</summary>
    public void Set(string field, string token)
    {
        Tokens[field] = token;
        _remote?.Remove(field);
    }

    /// <summary>Records the token of what the remote system stored for a field's agreed value (nothing when it is the agreed one).</summary>
    public void SetRemote(string field, string token)
    {
        if (Tokens.TryGetValue(field, out var agreed) && agreed == token)
        {
            _remote?.Remove(field);
        }
        else
        {
            (_remote ??= NewTokens())[field] = token;
        }
    }

    /// <summary>A copy to change without touching this one (a packed state's copy shares its bytes, which never change).</summary>
    public AgreedState Copy() => _packed is { } packed
        ? new(packed)
        : new(
            new Dictionary<string, string>(_tokens!, StringComparer.OrdinalIgnoreCase),
            _remote is { Count: > 0 } ? new Dictionary<string, string>(_remote, StringComparer.OrdinalIgnoreCase) : null);

    /// <summary>
    /// Keeps the state as the UTF-8 of its stored form until it is read or changed again. A decided state mostly waits
    /// for its unit's writes and commit (a Salesforce ingest job of 10,000 creates waits through its upload, polls and
    /// results) and is then written as it is: packed it is one array instead of a dictionary and a string per field,
    /// under half their bytes, and the commit copies the array into the link row.
    /// </summary>
    public void Pack()
    {
        if (_packed is null)
        {
            _packed = Utf8().ToArray();
            _tokens = null;
            _remote = null;
        }
    }

    /// <summary>The stored form: the tokens by field name (ordered, case-insensitively), then the remote forms, if any.</summary>
    public override string ToString() => _packed is { } packed ? Encoding.UTF8.GetString(packed) : Encoding.UTF8.GetString(Utf8());

    /// <summary>Writes the stored form (the text <see cref="ToString"/> gives) as one JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_packed is { } packed)
        {
            writer.WriteRawValue(packed, skipInputValidation: true);
            return;
        }

        writer.WriteStartObject();
        Write(writer, _tokens!);
        if (_remote is { Count: > 0 })
        {
            writer.WritePropertyName(RemoteKey);
            writer.WriteStartObject();
            Write(writer, _remote);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static Dictionary<string, string> NewTokens(int capacity = 0) => new(capacity, StringComparer.OrdinalIgnoreCase);

    /// <summary>The stored form's UTF-8, in the thread's reused buffer (valid until the next call on the thread).</summary>
    private ReadOnlySpan<byte> Utf8()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        WriteTo(writer);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>Makes the tokens again from the packed form: the state is read or changed after all.</summary>
    private Dictionary<string, string> Unpack()
    {
        using var document = JsonDocument.Parse(_packed);
        _tokens = NewTokens();
        Fill(document.RootElement);
        _packed = null;
        return _tokens;
    }

    /// <summary>Reads the tokens (and the remote forms) of a stored form's JSON object into this state.</summary>
    private void Fill(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals(RemoteKey) && property.Value.ValueKind == JsonValueKind.Object)
            {
                Read(property.Value, _remote ??= NewTokens());
            }
            else
            {
                _tokens![property.Name] = property.Value.GetString() ?? "";
            }
        }
    }

    private static void Read(JsonElement tokens, Dictionary<string, string> into)
    {
        foreach (var property in tokens.EnumerateObject())
        {
            into[property.Name] = property.Value.GetString() ?? "";
        }
    }

    private static void Write(Utf8JsonWriter writer, Dictionary<string, string> tokens)
    {
        var fields = ArrayPool<string>.Shared.Rent(tokens.Count);
        tokens.Keys.CopyTo(fields, 0);
        Array.Sort(fields, 0, tokens.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < tokens.Count; i++)
        {
            writer.WriteString(fields[i], tokens[fields[i]]);
        }

        ArrayPool<string>.Shared.Return(fields, clearArray: true);
    }
}
