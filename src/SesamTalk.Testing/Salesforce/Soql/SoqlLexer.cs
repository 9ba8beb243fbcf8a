using System.Globalization;
using System.Text;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Soql;

/// <summary>Kinds of SOQL tokens.</summary>
internal enum SoqlTokenKind
{
    Identifier,
    String,
    Number,
    Date,
    DateTime,
    Symbol,
    End,
}

/// <summary>One SOQL token; <see cref="Text"/> of a string literal is its unescaped value.</summary>
internal readonly record struct SoqlToken(SoqlTokenKind Kind, string Text, int Position)
{
    public bool Is(string keyword) =>
        Kind == SoqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Splits SOQL into tokens, applying the string escape rules of the SOQL reference.</summary>
internal static class SoqlLexer
{
    public static List<SoqlToken> Tokenize(string soql)
    {
        var tokens = new List<SoqlToken>();
        var i = 0;
        while (i < soql.Length)
        {
            var c = soql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < soql.Length && (char.IsAsciiLetterOrDigit(soql[i]) || soql[i] is '_' or '.'))
                {
                    i++;
                }

                // The count of a date literal such as LAST_N_DAYS:7 belongs to it.
                if (i + 1 < soql.Length && soql[i] == ':' && char.IsAsciiDigit(soql[i + 1]))
                {
                    i++;
                    while (i < soql.Length && char.IsAsciiDigit(soql[i]))
                    {
                        i++;
                    }
                }

                tokens.Add(new SoqlToken(SoqlTokenKind.Identifier, soql[start..i], start));
            }
            else if (c == '\'')
            {
                tokens.Add(ReadString(soql, ref i));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < soql.Length && char.IsAsciiDigit(soql[i + 1])))
            {
                tokens.Add(ReadLiteral(soql, ref i));
            }
            else
            {
                var two = i + 1 < soql.Length ? soql.Substring(i, 2) : "";
                var symbol = two is "!=" or "<>" or "<=" or ">=" ? two
                    : c is '(' or ')' or ',' or '=' or '<' or '>' ? c.ToString() : throw Malformed(c.ToString(), i);
                tokens.Add(new SoqlToken(SoqlTokenKind.Symbol, symbol, i));
                i += symbol.Length;
            }
        }

        tokens.Add(new SoqlToken(SoqlTokenKind.End, "", soql.Length));
        return tokens;
    }

    /// <summary>The MALFORMED_QUERY error Salesforce gives at an unexpected token.</summary>
    public static ApiException Malformed(string token, int position) => ApiException.BadRequest(
        "MALFORMED_QUERY",
        string.Create(CultureInfo.InvariantCulture, $"ERROR at Row:1:Column:{position + 1}\nunexpected token: {(token.Length == 0 ? "<EOF>" : token)}"));

    private static SoqlToken ReadString(string soql, ref int i)
    {
        var start = i++;
        var text = new StringBuilder();
        while (i < soql.Length && soql[i] != '\'')
        {
            if (soql[i] != '\\')
            {
                text.Append(soql[i++]);
                continue;
            }

            if (i + 1 >= soql.Length)
            {
                break;
            }

            var escaped = soql[i + 1];
            i += 2;
            switch (escaped)
            {
                case 'n' or 'N': text.Append('\n'); break;
                case 'r' or 'R': text.Append('\r'); break;
                case 't' or 'T': text.Append('\t'); break;
                case 'b' or 'B': text.Append('\b'); break;
                case 'f' or 'F': text.Append('\f'); break;
                case '"' or '\'' or '\\': text.Append(escaped); break;
                case '_' or '%': text.Append('\\').Append(escaped); break; // Kept escaped: only LIKE gives them meaning.
                case 'u' when i + 4 <= soql.Length && int.TryParse(soql.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    text.Append((char)code);
                    i += 4;
                    break;
                default: throw ApiException.BadRequest("MALFORMED_QUERY", $"Invalid string literal '\\{escaped}'. Illegal character sequence '\\{escaped}' in string literal.");
            }
        }

        if (i >= soql.Length)
        {
            throw Malformed("<EOF>", i);
        }

        i++;
        return new SoqlToken(SoqlTokenKind.String, text.ToString(), start);
    }

    /// <summary>Numbers, date literals (2024-01-31) and datetime literals (2024-01-31T10:00:00Z, ...+01:00).</summary>
    private static SoqlToken ReadLiteral(string soql, ref int i)
    {
        var start = i++;
        while (i < soql.Length && (char.IsAsciiDigit(soql[i]) || soql[i] is '-' or ':' or '.' or 'T' or 'Z' or '+'))
        {
            i++;
        }

        var text = soql[start..i];
        if (text.Contains('T', StringComparison.Ordinal))
        {
            return SalesforceDate.TryParseDateTime(text, out _) ? new SoqlToken(SoqlTokenKind.DateTime, text, start) : throw Malformed(text, start);
        }

        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            return SalesforceDate.TryParseDate(text, out _) ? new SoqlToken(SoqlTokenKind.Date, text, start) : throw Malformed(text, start);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? new SoqlToken(SoqlTokenKind.Number, text, start)
            : throw Malformed(text, start);
    }
}
