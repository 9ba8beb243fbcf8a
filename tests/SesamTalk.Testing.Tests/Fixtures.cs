using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests;

/// <summary>
/// The recorded third-party payloads of one system in shared/fixtures/{system}, found by walking up from the test
/// binaries (the repository's sibling folder "shared" in a work tree and in CI).
/// </summary>
internal sealed class Fixtures
{
    private readonly string _system;
    private readonly Lazy<string> _folder;

    private Fixtures(string system)
    {
        _system = system;
        _folder = new(Find);
    }

    /// <summary>shared/fixtures/salesforce.</summary>
    public static Fixtures Salesforce { get; } = new("salesforce");

    /// <summary>shared/fixtures/exactonline.</summary>
    public static Fixtures ExactOnline { get; } = new("exactonline");

    /// <summary>shared/fixtures/superoffice.</summary>
    public static Fixtures SuperOffice { get; } = new("superoffice");

    public JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.Value, name)))!;

    private string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", _system);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"shared/fixtures/{_system} was not found above " + AppContext.BaseDirectory);
    }
}
