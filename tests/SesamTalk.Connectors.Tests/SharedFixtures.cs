using System.Text.Json;

namespace SesamTalk.Connectors.Tests;

/// <summary>
/// Reads the recorded payloads in the shared folder beside the repository (<c>../shared/fixtures</c>), which CI
/// clones next to main.
/// </summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static JsonElement Json(string system, string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root.Value, system, file)));
        return document.RootElement.Clone();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures was not found above " + AppContext.BaseDirectory);
    }
}
