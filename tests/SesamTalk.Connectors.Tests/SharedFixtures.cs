using System.Text.Json;

namespace SesamTalk.Connectors.Tests;

/// <summary>
/// Reads the shared folder beside the repository (<c>../shared</c>, which CI clones next to main): the recorded
/// payloads in <c>fixtures/</c> and the seed documents in <c>seeds/</c>.
/// </summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static JsonElement Json(string system, string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root.Value, "fixtures", system, file)));
        return document.RootElement.Clone();
    }

    public static string Seed(string file) => File.ReadAllText(Path.Combine(Root.Value, "seeds", file));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "fixtures")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/ was not found above " + AppContext.BaseDirectory);
    }
}
