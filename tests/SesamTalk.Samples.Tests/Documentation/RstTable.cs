namespace SesamTalk.Samples.Tests.Documentation;

/// <summary>Reads the list-tables of a rendered document: each row is a <c>   * - </c> line and its two <c>     - </c> lines.</summary>
internal static class RstTable
{
    /// <summary>The data rows (header excluded) of the section titled <paramref name="title"/>.</summary>
    public static IReadOnlyList<string[]> Rows(string text, string title)
    {
        var lines = text.Split('\n');
        var start = Array.IndexOf(lines, title);
        Assert.True(start >= 0, $"No section '{title}'.");
        var rows = new List<string[]>();
        for (var i = start + 2; i < lines.Length && !IsTitle(lines, i); i++)
        {
            if (lines[i].StartsWith("   * - ", StringComparison.Ordinal))
            {
                rows.Add([lines[i][7..], lines[i + 1][7..], lines[i + 2][7..]]);
            }
        }

        return rows.Skip(1).ToList();
    }

    /// <summary>The text without any table's data rows: what the seeds, whose tables are empty, contain.</summary>
    public static string WithoutDataRows(string text)
    {
        var lines = text.Split('\n');
        var kept = new List<string>();
        var headerSeen = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(".. list-table::", StringComparison.Ordinal))
            {
                headerSeen = false;
            }
            else if (lines[i].StartsWith("   * - ", StringComparison.Ordinal))
            {
                if (headerSeen)
                {
                    i += 2;
                    continue;
                }

                headerSeen = true;
            }

            kept.Add(lines[i]);
        }

        return string.Join('\n', kept);
    }

    private static bool IsTitle(string[] lines, int i) =>
        i + 1 < lines.Length && lines[i].Length > 0 && lines[i + 1] == new string('-', lines[i].Length);
}
