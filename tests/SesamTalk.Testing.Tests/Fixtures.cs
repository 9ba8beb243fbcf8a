using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests;

/// <summary>
/// The recorded third-party payloads in shared/fixtures/salesforce, found by walking up from the test binaries
/// (the repository's sibling folder "shared" in a work tree and in CI).
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Folder = new(Find);

    public static JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder.Value, name)))!;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "salesforce");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures/salesforce was not found above " + AppContext.BaseDirectory);
    }
}
