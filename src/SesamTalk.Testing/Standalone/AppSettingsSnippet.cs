using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Standalone;

/// <summary>Writes configuration keys such as <c>SesamTalk:Salesforce:LoginUrl</c> as the nested JSON of an <c>appsettings.json</c>.</summary>
internal static class AppSettingsSnippet
{
    // Relaxed escaping: the text is pasted into a configuration file, never into HTML, and a token's '+' stays readable.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The settings as one JSON object, a section per key segment, in the order given.</summary>
    public static string Render(IEnumerable<KeyValuePair<string, string>> settings)
    {
        var root = new JsonObject();
        foreach (var (key, value) in settings)
        {
            var segments = key.Split(':');
            segments[..^1].Aggregate(root, Section)[segments[^1]] = value;
        }

        return root.ToJsonString(Indented);
    }

    private static JsonObject Section(JsonObject parent, string name)
    {
        if (parent[name] is not JsonObject section)
        {
            section = [];
            parent[name] = section;
        }

        return section;
    }
}
