namespace SesamTalk.Samples.Tests;

/// <summary>
/// Finds the repository (walking up to SesamTalk.sln) and the shared folder beside it (<c>../shared</c>, which CI
/// clones next to main) from the test binaries.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindUp(directory => File.Exists(Path.Combine(directory, "SesamTalk.sln")), "SesamTalk.sln");

    public static string Shared { get; } = Path.Combine(FindUp(directory => Directory.Exists(Path.Combine(directory, "shared", "seeds")), "shared/seeds"), "shared");

    public static string Seed(string file) => File.ReadAllText(Path.Combine(Shared, "seeds", file)).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FindUp(Func<string, bool> found, string what)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (found(directory.FullName))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(what + " was not found above " + AppContext.BaseDirectory);
    }
}
