namespace SesamTalk.Samples.Tests.Documentation;

/// <summary>
/// The sample hosts' QA documents: the seeds' structure and prose exactly, a filled table for every seed row, and
/// the committed copies in docs/dataflows up to date. <c>SESAMTALK_ACCEPT_SNAPSHOTS=1</c> rewrites stale copies,
/// except when <c>CI=true</c>.
/// </summary>
public class DataflowDocumentTests
{
    private static bool Accept =>
        Environment.GetEnvironmentVariable("SESAMTALK_ACCEPT_SNAPSHOTS") == "1"
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [Theory]
    [MemberData(nameof(SeedDocuments.Seeds), MemberType = typeof(SeedDocuments))]
    public void The_rendered_document_is_the_seed_plus_its_table_rows(string seed)
    {
        Assert.Equal(RepositoryPaths.Seed(seed), RstTable.WithoutDataRows(SeedDocuments.Render(seed)));
    }

    [Theory]
    [MemberData(nameof(SeedDocuments.Rows), MemberType = typeof(SeedDocuments))]
    public void Every_seed_row_has_a_filled_property_table(string seed, string section)
    {
        var rows = RstTable.Rows(SeedDocuments.Render(seed), section);

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.All(row, cell => Assert.False(string.IsNullOrWhiteSpace(cell), $"An empty cell in '{section}'.")));
    }

    [Theory]
    [MemberData(nameof(SeedDocuments.Seeds), MemberType = typeof(SeedDocuments))]
    public void The_committed_document_in_docs_dataflows_is_up_to_date(string seed)
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "dataflows", SeedDocuments.For(seed).File);
        var rendered = SeedDocuments.Render(seed);
        var committed = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (committed != rendered && Accept)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, rendered);
            return;
        }

        Assert.True(committed == rendered, $"{path} is {(committed is null ? "missing" : "stale")}: run the tests with SESAMTALK_ACCEPT_SNAPSHOTS=1 and review the diff.");
    }
}
