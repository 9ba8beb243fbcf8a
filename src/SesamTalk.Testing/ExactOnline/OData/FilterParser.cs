using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline.Http;
using SesamTalk.Testing.ExactOnline.Data;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.OData;

/// <summary>
/// Compiles an OData v2 <c>$filter</c> into a predicate over stored rows: <c>eq ne gt ge lt le</c>, <c>and or not</c>,
/// parentheses, <c>'text'</c>, <c>guid'…'</c>, <c>datetime'…'</c>, numbers, <c>true false null</c>, and the functions
/// <c>trim tolower toupper startswith endswith substringof</c>. Errors are 400s with WCF Data Services' texts.
/// </summary>
internal sealed class FilterParser
{
    private static readonly HashSet<string> Comparisons = ["eq", "ne", "gt", "ge", "lt", "le"];
    private readonly List<Token> _tokens;
    private readonly EntitySchema _schema;
    private int _next;

    private FilterParser(string text, EntitySchema schema)
    {
        _tokens = FilterLexer.Tokenize(text);
        _schema = schema;
    }

    /// <summary>An operand: how to get its value from a row, and its kind for type checks.</summary>
    private sealed record Operand(Func<JsonObject, object?> Value, ValueKind Kind, int Position);

    public static Func<JsonObject, bool> Parse(string text, EntitySchema schema)
    {
        var parser = new FilterParser(text, schema);
        var predicate = parser.Or();
        return parser.Peek.Kind == TokenKind.End ? predicate : throw parser.Syntax("Expression expected");
    }

    private Token Peek => _tokens[_next];

    private Func<JsonObject, bool> Or()
    {
        var left = And();
        while (IsWord("or"))
        {
            _next++;
            var (a, b) = (left, And());
            left = row => a(row) || b(row);
        }

        return left;
    }

    private Func<JsonObject, bool> And()
    {
        var left = Unary();
        while (IsWord("and"))
        {
            _next++;
            var (a, b) = (left, Unary());
            left = row => a(row) && b(row);
        }

        return left;
    }

    private Func<JsonObject, bool> Unary()
    {
        if (IsWord("not"))
        {
            _next++;
            var inner = Unary();
            return row => !inner(row);
        }

        if (Peek.Kind == TokenKind.OpenParen)
        {
            _next++;
            var inner = Or();
            Expect(TokenKind.CloseParen);
            return inner;
        }

        var left = Value();
        if (Peek.Kind == TokenKind.Identifier && Comparisons.Contains(Peek.Text))
        {
            var op = _tokens[_next++];
            return Compare(op, left, Value());
        }

        return left.Kind == ValueKind.Boolean ? row => left.Value(row) is true : throw Syntax("Expression of type 'System.Boolean' expected");
    }

    private static Func<JsonObject, bool> Compare(Token op, Operand left, Operand right)
    {
        if (left.Kind != right.Kind && left.Kind != ValueKind.Null && right.Kind != ValueKind.Null)
        {
            throw ApiException.BadRequest(ExactMessages.Incompatible(op.Text, FilterValue.ClrName(left.Kind), FilterValue.ClrName(right.Kind), op.Position));
        }

        Func<int, bool> test = op.Text switch
        {
            "eq" => c => c == 0,
            "ne" => c => c != 0,
            "gt" => c => c > 0,
            "ge" => c => c >= 0,
            "lt" => c => c < 0,
            _ => c => c <= 0,
        };
        var equality = op.Text is "eq" or "ne";
        return row =>
        {
            var (a, b) = (left.Value(row), right.Value(row));
            if (a is null || b is null)
            {
                // SQL semantics as OData v2 defines them: null equals only null, and never orders.
                return equality && test(a is null && b is null ? 0 : 1);
            }

            return test(FilterValue.Compare(a, b));
        };
    }

    private Operand Value()
    {
        var token = _tokens[_next++];
        switch (token.Kind)
        {
            case TokenKind.String:
                return Constant(token.Text, ValueKind.String, token);
            case TokenKind.Guid:
                return Guid.TryParse(token.Text, out var guid) ? Constant(guid, ValueKind.Guid, token) : throw Syntax("Unrecognized 'Edm.Guid' literal", token);
            case TokenKind.DateTime:
                return ExactDate.TryParseIso(token.Text, out var at) ? Constant(at, ValueKind.DateTime, token) : throw Syntax("Unrecognized 'Edm.DateTime' literal", token);
            case TokenKind.Number:
                return Constant(FilterValue.ParseNumber(token.Text), ValueKind.Number, token);
            case TokenKind.Identifier when token.Text is "true" or "false":
                return Constant(token.Text == "true", ValueKind.Boolean, token);
            case TokenKind.Identifier when token.Text == "null":
                return Constant(null, ValueKind.Null, token);
            case TokenKind.Identifier when Peek.Kind == TokenKind.OpenParen:
                return Function(token);
            case TokenKind.Identifier:
                return Field(token);
            default:
                throw Syntax("Expression expected", token);
        }
    }

    private Operand Field(Token token)
    {
        var field = _schema.Field(token.Text)
            ?? throw ApiException.BadRequest(ExactMessages.NoProperty(token.Text, _schema.ModelType, token.Position));
        var type = EdmTypes.Parse(field.Type);
        if (!field.Filterable || type == EdmType.Binary)
        {
            throw Syntax($"Property '{field.Name}' cannot be used in a filter", token);
        }

        var kind = FilterValue.KindOf(type);
        var name = field.Name;
        return new Operand(row => FilterValue.Read(row[name], kind), kind, token.Position);
    }

    private Operand Function(Token name)
    {
        _next++;
        var args = new List<Operand> { Value() };
        while (Peek.Kind == TokenKind.Comma)
        {
            _next++;
            args.Add(Value());
        }

        Expect(TokenKind.CloseParen);
        if (args.Any(a => a.Kind is not (ValueKind.String or ValueKind.Null)))
        {
            throw Syntax($"No applicable function found for '{name.Text}'", name);
        }

        string? Text(int i, JsonObject row) => args[i].Value(row) as string;
        return (name.Text, args.Count) switch
        {
            ("trim", 1) => new(row => Text(0, row)?.Trim(), ValueKind.String, name.Position),
            ("tolower", 1) => new(row => Text(0, row)?.ToLowerInvariant(), ValueKind.String, name.Position),
            ("toupper", 1) => new(row => Text(0, row)?.ToUpperInvariant(), ValueKind.String, name.Position),
            ("startswith", 2) => new(row => Text(0, row)?.StartsWith(Text(1, row) ?? "\0", StringComparison.OrdinalIgnoreCase) ?? false, ValueKind.Boolean, name.Position),
            ("endswith", 2) => new(row => Text(0, row)?.EndsWith(Text(1, row) ?? "\0", StringComparison.OrdinalIgnoreCase) ?? false, ValueKind.Boolean, name.Position),
            ("substringof", 2) => new(row => Text(1, row)?.Contains(Text(0, row) ?? "\0", StringComparison.OrdinalIgnoreCase) ?? false, ValueKind.Boolean, name.Position),
            _ => throw Syntax($"Unknown function '{name.Text}'", name),
        };
    }

    private static Operand Constant(object? value, ValueKind kind, Token token) => new(_ => value, kind, token.Position);

    private bool IsWord(string word) => Peek.Kind == TokenKind.Identifier && Peek.Text == word;

    private void Expect(TokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            throw Syntax($"{(kind == TokenKind.CloseParen ? "')'" : kind.ToString())} expected");
        }

        _next++;
    }

    private ApiException Syntax(string detail, Token? at = null) =>
        ApiException.BadRequest(ExactMessages.Syntax(detail, (at ?? Peek).Position));
}
