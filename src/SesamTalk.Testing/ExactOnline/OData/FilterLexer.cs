using SesamTalk.Testing.ExactOnline.Http;

namespace SesamTalk.Testing.ExactOnline.OData;

/// <summary>The token kinds of an OData v2 <c>$filter</c>.</summary>
internal enum TokenKind
{
    Identifier,
    String,
    Guid,
    DateTime,
    Number,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

/// <summary>One token and where it starts (positions are reported in errors, as WCF Data Services does).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position);

/// <summary>Splits a <c>$filter</c> into tokens: names, <c>'text'</c> (<c>''</c> escapes a quote), <c>guid'…'</c>, <c>datetime'…'</c>, numbers.</summary>
internal static class FilterLexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.OpenParen : c == ')' ? TokenKind.CloseParen : TokenKind.Comma, c.ToString(), i));
                i++;
            }
            else if (c == '\'')
            {
                var start = i;
                tokens.Add(new Token(TokenKind.String, Quoted(text, ref i), start));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var number = text[start..i];
                if (i < text.Length && "LlMmDdFf".Contains(text[i], StringComparison.Ordinal))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, number, start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '/'))
                {
                    i++;
                }

                var word = text[start..i];
                if (i < text.Length && text[i] == '\'' && word is "guid" or "datetime")
                {
                    tokens.Add(new Token(word == "guid" ? TokenKind.Guid : TokenKind.DateTime, Quoted(text, ref i), start));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Identifier, word, start));
                }
            }
            else
            {
                throw ApiException.BadRequest(ExactMessages.Syntax($"Invalid character '{c}'", i));
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    /// <summary>Reads a quoted literal starting at the opening quote; <c>''</c> inside is one quote.</summary>
    private static string Quoted(string text, ref int i)
    {
        var start = i++;
        var value = new System.Text.StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return value.ToString();
            }

            value.Append(text[i++]);
        }

        throw ApiException.BadRequest(ExactMessages.Syntax("Unterminated string literal", start));
    }
}
