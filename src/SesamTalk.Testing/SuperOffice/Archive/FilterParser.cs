using System.Text;
using SesamTalk.Testing.SuperOffice.Data;
using SesamTalk.Testing.SuperOffice.Http;
using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Archive;

/// <summary>
/// Parses an archive <c>$filter</c> restriction string: <c>column operator value</c> terms joined with <c>and</c>/<c>or</c>
/// (<c>and</c> binding tighter) and brackets; values are numbers, words or quoted strings with <c>\'</c> escapes.
/// Operators: <c>eq = equals ne unequals lt less le gt greater ge</c>, text <c>begins contains notBegins notContains is isNot</c>,
/// dates <c>before after</c> (compared to the second, as the archive shows dates). A bad restriction is a 400.
/// </summary>
internal sealed class FilterParser
{
    private readonly EntitySchema _schema;
    private readonly List<string> _tokens;
    private int _position;

    private FilterParser(EntitySchema schema, List<string> tokens)
    {
        _schema = schema;
        _tokens = tokens;
    }

    public static Func<EntityRecord, bool> Parse(EntitySchema schema, string filter)
    {
        var parser = new FilterParser(schema, Tokenize(filter));
        var predicate = parser.Or();
        return parser._position == parser._tokens.Count ? predicate : throw Syntax($"unexpected '{parser._tokens[parser._position]}'");
    }

    private Func<EntityRecord, bool> Or()
    {
        var left = And();
        while (Accept("or"))
        {
            var (a, b) = (left, And());
            left = r => a(r) || b(r);
        }

        return left;
    }

    private Func<EntityRecord, bool> And()
    {
        var left = Term();
        while (Accept("and"))
        {
            var (a, b) = (left, Term());
            left = r => a(r) && b(r);
        }

        return left;
    }

    private Func<EntityRecord, bool> Term()
    {
        if (Accept("("))
        {
            var inner = Or();
            return Accept(")") ? inner : throw Syntax("missing ')'");
        }

        var name = Next("a column name");
        var column = _schema.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw SoException.BadQuery($"Unknown column '{name}' in archive provider {_schema.ArchiveProvider}.");
        var op = Next("an operator");
        var raw = Next("a value");
        var literal = ArchiveValue.Literal(column, Unquote(raw)) ?? throw SoException.BadQuery($"'{raw}' is not a valid value for column '{column.Name}'.");
        Func<int, bool>? compare = op.ToLowerInvariant() switch
        {
            "eq" or "=" or "equals" or "is" => c => c == 0,
            "ne" or "unequals" or "isnot" => c => c != 0,
            "lt" or "less" or "before" => c => c < 0,
            "le" => c => c <= 0,
            "gt" or "greater" or "after" => c => c > 0,
            "ge" => c => c >= 0,
            _ => null,
        };
        if (compare is not null)
        {
            return r => compare(ArchiveValue.Compare(ArchiveValue.Comparable(r, column), literal));
        }

        var text = column.Kind == ColumnKind.Text ? (string)literal : throw SoException.BadQuery($"Operator '{op}' does not apply to column '{column.Name}'.");
        Func<string, bool> match = op.ToLowerInvariant() switch
        {
            "begins" => v => v.StartsWith(text, StringComparison.OrdinalIgnoreCase),
            "contains" => v => v.Contains(text, StringComparison.OrdinalIgnoreCase),
            "notbegins" => v => !v.StartsWith(text, StringComparison.OrdinalIgnoreCase),
            "notcontains" => v => !v.Contains(text, StringComparison.OrdinalIgnoreCase),
            _ => throw SoException.BadQuery($"Unknown operator '{op}'."),
        };
        return r => match((string)ArchiveValue.Comparable(r, column));
    }

    private bool Accept(string token)
    {
        if (_position < _tokens.Count && string.Equals(_tokens[_position], token, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }

        return false;
    }

    private string Next(string expected) => _position < _tokens.Count ? _tokens[_position++] : throw Syntax($"expected {expected}");

    private static string Unquote(string token) => token.StartsWith('\'') ? token[1..^1].Replace("\\'", "'", StringComparison.Ordinal) : token;

    private static SoException Syntax(string detail) => SoException.BadQuery($"Invalid $filter: {detail}.");

    private static List<string> Tokenize(string filter)
    {
        var tokens = new List<string>();
        for (var i = 0; i < filter.Length;)
        {
            var c = filter[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '\'')
            {
                var quoted = new StringBuilder("'");
                for (i++; ; i++)
                {
                    if (i >= filter.Length)
                    {
                        throw Syntax("unterminated string");
                    }

                    if (filter[i] == '\\' && i + 1 < filter.Length && filter[i + 1] == '\'')
                    {
                        quoted.Append("\\'");
                        i++;
                    }
                    else if (filter[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        quoted.Append(filter[i]);
                    }
                }

                tokens.Add(quoted.Append('\'').ToString());
            }
            else
            {
                var start = i;
                while (i < filter.Length && !char.IsWhiteSpace(filter[i]) && filter[i] is not ('(' or ')' or '\''))
                {
                    i++;
                }

                tokens.Add(filter[start..i]);
            }
        }

        return tokens;
    }
}
