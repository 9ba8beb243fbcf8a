using System.Text;
using System.Text.Json;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The per-field tokens both sides held after a link's last sync, stored with the link as a small JSON object. A
/// side whose token differs from the agreed one changed that field since.
/// </summary>
internal sealed class AgreedState
{
    private readonly Dictionary<string, string> _tokens;

    private AgreedState(Dictionary<string, string> tokens) => _tokens = tokens;

    /// <summary>An empty state (before the first sync of a link).</summary>
    public static AgreedState Empty() => new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

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
            var tokens = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                tokens[property.Name] = property.Value.GetString() ?? "";
            }

            return new AgreedState(tokens);
        }
        catch (JsonException)
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
        var state = Empty();
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

    /// <summary>The agreed token of a field, when there is one.</summary>
    public bool TryGet(string field, out string token) => _tokens.TryGetValue(field, out token!);

    /// <summary>Sets the agreed token of a field.</summary>
    public void Set(string field, string token) => _tokens[field] = token;

    /// <summary>A copy to change without touching this one.</summary>
    public AgreedState Copy() => new(new Dictionary<string, string>(_tokens, StringComparer.OrdinalIgnoreCase));

    /// <summary>The stored form.</summary>
    public override string ToString()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (field, token) in _tokens.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
            {
                writer.WriteString(field, token);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
