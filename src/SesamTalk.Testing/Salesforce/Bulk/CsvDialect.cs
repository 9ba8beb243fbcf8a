namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// How a job's CSV is written: its <c>columnDelimiter</c> (COMMA, TAB, PIPE, SEMICOLON, CARET, BACKQUOTE) and
/// <c>lineEnding</c> (LF, CRLF), as named in the job's JSON. Results are written in the job's dialect.
/// </summary>
internal sealed record CsvDialect(string DelimiterName, char Delimiter, string LineEndingName, string LineEnding)
{
    private static readonly Dictionary<string, char> Delimiters = new(StringComparer.Ordinal)
    {
        ["COMMA"] = ',', ["TAB"] = '\t', ["PIPE"] = '|', ["SEMICOLON"] = ';', ["CARET"] = '^', ["BACKQUOTE"] = '`',
    };

    private static readonly Dictionary<string, string> LineEndings = new(StringComparer.Ordinal) { ["LF"] = "\n", ["CRLF"] = "\r\n" };

    /// <summary>The default: comma-separated, LF line endings.</summary>
    public static CsvDialect Default { get; } = new("COMMA", ',', "LF", "\n");

    /// <summary>The dialect a job definition names (the defaults where it names none), or null when a name is not one of Salesforce's.</summary>
    public static CsvDialect? Parse(string? delimiter, string? lineEnding)
    {
        var delimiterName = delimiter ?? Default.DelimiterName;
        var lineEndingName = lineEnding ?? Default.LineEndingName;
        return Delimiters.TryGetValue(delimiterName, out var d) && LineEndings.TryGetValue(lineEndingName, out var l)
            ? new CsvDialect(delimiterName, d, lineEndingName, l)
            : null;
    }

    /// <summary>The enum values a job may name, for the parser error of an unknown one.</summary>
    public static string DelimiterNames => string.Join(", ", Delimiters.Keys);

    /// <inheritdoc cref="DelimiterNames"/>
    public static string LineEndingNames => string.Join(", ", LineEndings.Keys);
}
