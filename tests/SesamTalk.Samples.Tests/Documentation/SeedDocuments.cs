using System.Globalization;
using SesamTalk.Documentation;
using SesamTalk.Samples.Customerp.Documentation;
using SesamTalk.Samples.Customwebshop.Documentation;

namespace SesamTalk.Samples.Tests.Documentation;

/// <summary>The five seed documents, the sample document that fills each, and the file it is committed under in docs/dataflows.</summary>
internal static class SeedDocuments
{
    public static readonly IReadOnlyList<(string Seed, string File, DataflowDocument Document)> All =
    [
        ("000_7ca399758f960bc8.txt", "customwebshop-to-salesforce.rst", CustomwebshopDataflows.ToSalesforce),
        ("001_5221a696265c8ea0.txt", "salesforce-to-customerp.rst", CustomerpDataflows.FromSalesforce),
        ("002_c6f21c336178e644.txt", "customwebshop-to-customcrm.rst", CustomwebshopDataflows.ToCustomcrm),
        ("003_aad0c1ac8b33516c.txt", "superoffice-to-customwebshop.rst", CustomwebshopDataflows.FromSuperOffice),
        ("004_3d90edefd5348cf9.txt", "customwebshop-to-exactonline.rst", CustomwebshopDataflows.ToExactOnline),
    ];

    public static TheoryData<string> Seeds() => [.. All.Select(document => document.Seed)];

    /// <summary>Every seed row: the seed and the title of its section.</summary>
    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var (seed, _, _) in All)
        {
            foreach (var title in SectionTitles(RepositoryPaths.Seed(seed)))
            {
                rows.Add(seed, title);
            }
        }

        return rows;
    }

    public static (string Seed, string File, DataflowDocument Document) For(string seed) => All.Single(document => document.Seed == seed);

    /// <summary>The document rendered with the seed's Generated time, so the committed file changes only with the mappings.</summary>
    public static string Render(string seed)
    {
        var seedText = RepositoryPaths.Seed(seed);
        var line = seedText.Split('\n').Single(l => l.StartsWith("Generated: ", StringComparison.Ordinal));
        var generated = DateTimeOffset.ParseExact(line["Generated: ".Length..], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return For(seed).Document.Render(generated);
    }

    /// <summary>The section titles of a document: the lines underlined with dashes, except the Introduction.</summary>
    public static IEnumerable<string> SectionTitles(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (lines[i].Length > 0 && lines[i + 1] == new string('-', lines[i].Length) && lines[i] != "Introduction")
            {
                yield return lines[i];
            }
        }
    }
}
