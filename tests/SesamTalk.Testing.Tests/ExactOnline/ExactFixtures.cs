using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.ExactOnline;

/// <summary>
/// The recorded Exact Online payloads in shared/fixtures/exactonline, found by walking up from the test binaries
/// (as <see cref="Fixtures"/> does for shared/fixtures/salesforce).
/// </summary>
internal static class ExactFixtures
{
    private static readonly Lazy<string> Folder = new(Find);

    public static JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder.Value, name)))!;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "exactonline");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures/exactonline was not found above " + AppContext.BaseDirectory);
    }
}
