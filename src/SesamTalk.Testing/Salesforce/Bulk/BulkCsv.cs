using System.Text;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// CSV as Bulk API 2.0 reads and writes it (RFC 4180 with the job's delimiter and line ending): a field may be quoted,
/// a quote inside a quoted field is doubled, and a quoted field may hold delimiters and line breaks. Results quote
/// every value, as Salesforce's result files do.
/// </summary>
internal static class BulkCsv
{
    /// <summary>Splits <paramref name="text"/> into rows of fields; null when a quoted field never ends.</summary>
    public static List<string[]>? Read(string text, CsvDialect dialect)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                if (ReadQuoted(text, ref i, field) is false)
                {
                    return null;
                }

                continue;
            }

            if (text[i] == dialect.Delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (string.CompareOrdinal(text, i, dialect.LineEnding, 0, dialect.LineEnding.Length) == 0)
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i += dialect.LineEnding.Length;
            }
            else
            {
                field.Append(text[i++]);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }

    /// <summary>Writes a header (its cells as given: see <see cref="Quote"/> and <see cref="Name"/>) and rows, every value quoted.</summary>
    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows, CsvDialect dialect)
    {
        var text = new StringBuilder();
        text.AppendJoin(dialect.Delimiter, header).Append(dialect.LineEnding);
        foreach (var row in rows)
        {
            text.AppendJoin(dialect.Delimiter, row.Select(Quote)).Append(dialect.LineEnding);
        }

        return text.ToString();
    }

    /// <summary>A value in quotes, inner quotes doubled.</summary>
    public static string Quote(string value) => string.Concat("\"", value.Replace("\"", "\"\"", StringComparison.Ordinal), "\"");

    /// <summary>A column name as an uploaded header had it: quoted only where it must be.</summary>
    public static string Name(string value, CsvDialect dialect) =>
        value.Contains('"', StringComparison.Ordinal) || value.Contains(dialect.Delimiter, StringComparison.Ordinal)
            || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? Quote(value)
            : value;

    /// <summary>Reads a quoted field starting at the opening quote; false when the closing quote is missing.</summary>
    private static bool ReadQuoted(string text, ref int i, StringBuilder field)
    {
        i++;
        while (i < text.Length)
        {
            if (text[i] != '"')
            {
                field.Append(text[i++]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i += 2;
            }
            else
            {
                i++;
                return true;
            }
        }

        return false;
    }
}
