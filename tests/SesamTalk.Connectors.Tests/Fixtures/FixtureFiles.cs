namespace SesamTalk.Connectors.Tests.Fixtures;

/// <summary>
/// The recorded payloads in <c>../shared/fixtures</c> as the bytes on disk (to serve them verbatim), and the
/// repository's <c>catalogs/</c>.
/// </summary>
internal static class FixtureFiles
{
    public static string Text(string system, string file) => File.ReadAllText(Path.Combine(FindAbove(Path.Combine("shared", "fixtures")), system, file));

    public static string[] Lines(string system, string file) => File.ReadAllLines(Path.Combine(FindAbove(Path.Combine("shared", "fixtures")), system, file));

    public static string Catalog(string file) => File.ReadAllText(Path.Combine(FindAbove("catalogs"), file));

    private static string FindAbove(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(relative + " was not found above " + AppContext.BaseDirectory);
    }
}
