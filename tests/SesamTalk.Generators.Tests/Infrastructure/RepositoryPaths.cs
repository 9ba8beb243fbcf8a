namespace SesamTalk.Generators.Tests.Infrastructure;

/// <summary>
/// Finds the source tree by walking up from the test binaries to SesamTalk.sln. [CallerFilePath] is not used:
/// deterministic CI builds map source paths to a placeholder root.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string InTests(params string[] parts) =>
        Path.Combine(new[] { Root, "tests", "SesamTalk.Generators.Tests" }.Concat(parts).ToArray());

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SesamTalk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SesamTalk.sln not found above " + AppContext.BaseDirectory);
    }
}
