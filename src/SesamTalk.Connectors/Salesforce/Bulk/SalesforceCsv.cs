using System.Text;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The CSV of the connector's Bulk API 2.0 jobs (comma, LF, RFC 4180 quoting): rows it uploads, and result files and
/// query results it reads.
/// </summary>
internal static class SalesforceCsv
{
    /// <summary>Writes rows of cells, quoting a cell only where it must be.</summary>
    public static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                text.Append(Cell(row[i]));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Splits CSV text into rows of cells.</summary>
    /// <exception cref="FormatException">A quoted cell never ends (a cut-off body).</exception>
    public static List<string[]> Read(string text)
    {
        var rows = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var started = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = started = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    started = true;
                    break;
                case '\n':
                    cells.Add(cell.ToString().TrimEnd('\r'));
                    rows.Add([.. cells]);
                    cells.Clear();
                    cell.Clear();
                    started = false;
                    break;
                default:
                    cell.Append(c);
                    started = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("The CSV ends inside a quoted value: the body was cut off.");
        }

        if (started || cell.Length > 0)
        {
            cells.Add(cell.ToString());
            rows.Add([.. cells]);
        }

        return rows;
    }

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
