using System.Globalization;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Soql;

/// <summary>
/// Recursive-descent parser for the supported SOQL subset:
/// <c>SELECT fields|COUNT() FROM type [WHERE cond] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n] [OFFSET n]</c>,
/// where cond combines <c>= != &lt;&gt; &lt; &gt; &lt;= &gt;= LIKE IN NOT IN INCLUDES EXCLUDES</c> with AND, OR, NOT and parentheses, and
/// values are literals: text, numbers, dates, datetimes, <c>null</c>, <c>true</c>, <c>false</c> and relative date literals.
/// </summary>
internal sealed class SoqlParser
{
    private const int MaxOffset = 2000;
    private readonly List<SoqlToken> _tokens;
    private int _next;

    private SoqlParser(string soql) => _tokens = SoqlLexer.Tokenize(soql);

    private SoqlToken Current => _tokens[_next];

    public static SoqlQuery Parse(string soql)
    {
        var parser = new SoqlParser(soql);
        var query = parser.ParseQuery();
        parser.Expect(SoqlTokenKind.End);
        return query;
    }

    private SoqlQuery ParseQuery()
    {
        ExpectKeyword("SELECT");
        var fields = new List<string>();
        var isCount = Current.Is("COUNT");
        if (isCount)
        {
            _next++;
            ExpectSymbol("(");
            ExpectSymbol(")");
        }
        else
        {
            do
            {
                fields.Add(Expect(SoqlTokenKind.Identifier).Text);
            }
            while (TrySymbol(","));
        }

        ExpectKeyword("FROM");
        var from = Expect(SoqlTokenKind.Identifier).Text;
        var where = TryKeyword("WHERE") ? ParseOr() : null;
        var order = new List<SoqlOrder>();
        if (TryKeyword("ORDER"))
        {
            ExpectKeyword("BY");
            do
            {
                order.Add(ParseOrderItem());
            }
            while (TrySymbol(","));
        }

        var limit = TryKeyword("LIMIT") ? ParseCount() : (int?)null;
        var offset = TryKeyword("OFFSET") ? ParseCount() : (int?)null;
        if (offset > MaxOffset)
        {
            throw ApiException.BadRequest("NUMBER_OUTSIDE_VALID_RANGE", $"Maximum SOQL offset allowed is {MaxOffset}");
        }

        return new SoqlQuery(fields, isCount, from, where, order, limit, offset);
    }

    private SoqlOrder ParseOrderItem()
    {
        var field = Expect(SoqlTokenKind.Identifier).Text;
        var descending = TryKeyword("DESC");
        if (!descending)
        {
            TryKeyword("ASC");
        }

        // SOQL puts nulls first in ascending order and last in descending order unless told otherwise.
        var nullsFirst = !descending;
        if (TryKeyword("NULLS"))
        {
            nullsFirst = TryKeyword("FIRST");
            if (!nullsFirst)
            {
                ExpectKeyword("LAST");
            }
        }

        return new SoqlOrder(field, descending, nullsFirst);
    }

    private SoqlCondition ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("OR"))
        {
            left = new SoqlOr(left, ParseAnd());
        }

        return left;
    }

    private SoqlCondition ParseAnd()
    {
        var left = ParseUnary();
        while (TryKeyword("AND"))
        {
            left = new SoqlAnd(left, ParseUnary());
        }

        return left;
    }

    private SoqlCondition ParseUnary()
    {
        if (TryKeyword("NOT"))
        {
            return new SoqlNot(ParseUnary());
        }

        if (TrySymbol("("))
        {
            var inner = ParseOr();
            ExpectSymbol(")");
            return inner;
        }

        var field = Expect(SoqlTokenKind.Identifier).Text;
        if (TryKeyword("LIKE"))
        {
            return new SoqlComparison(field, "LIKE", [Expect(SoqlTokenKind.String)]);
        }

        var negated = TryKeyword("NOT");
        if (negated || TryKeyword("IN"))
        {
            if (negated)
            {
                ExpectKeyword("IN");
            }

            return new SoqlComparison(field, negated ? "NOT IN" : "IN", ParseList());
        }

        // Multi-select picklists: INCLUDES ('a;b', 'c') holds when the value has a and b, or has c; EXCLUDES negates it.
        if (Current.Is("INCLUDES") || Current.Is("EXCLUDES"))
        {
            var setOperator = Current.Text.ToUpperInvariant();
            _next++;
            return new SoqlComparison(field, setOperator, ParseList());
        }

        var op = Expect(SoqlTokenKind.Symbol);
        if (op.Text is "(" or ")" or ",")
        {
            throw SoqlLexer.Malformed(op.Text, op.Position);
        }

        return new SoqlComparison(field, op.Text == "<>" ? "!=" : op.Text, [ParseValue()]);
    }

    private List<SoqlToken> ParseList()
    {
        ExpectSymbol("(");
        var values = new List<SoqlToken>();
        do
        {
            values.Add(ParseValue());
        }
        while (TrySymbol(","));
        ExpectSymbol(")");
        return values;
    }

    private SoqlToken ParseValue()
    {
        var token = Current;
        var literal = token.Kind is SoqlTokenKind.String or SoqlTokenKind.Number or SoqlTokenKind.Date or SoqlTokenKind.DateTime
            || token.Is("null") || token.Is("true") || token.Is("false")
            || (token.Kind == SoqlTokenKind.Identifier && DateLiteral.IsLiteral(token.Text));
        if (!literal)
        {
            throw SoqlLexer.Malformed(token.Text, token.Position);
        }

        _next++;
        return token;
    }

    private int ParseCount()
    {
        var token = Expect(SoqlTokenKind.Number);
        return int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw SoqlLexer.Malformed(token.Text, token.Position);
    }

    private SoqlToken Expect(SoqlTokenKind kind)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw SoqlLexer.Malformed(token.Text, token.Position);
        }

        _next++;
        return token;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!TryKeyword(keyword))
        {
            throw SoqlLexer.Malformed(Current.Text, Current.Position);
        }
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TrySymbol(symbol))
        {
            throw SoqlLexer.Malformed(Current.Text, Current.Position);
        }
    }

    private bool TryKeyword(string keyword)
    {
        if (!Current.Is(keyword))
        {
            return false;
        }

        _next++;
        return true;
    }

    private bool TrySymbol(string symbol)
    {
        if (Current.Kind != SoqlTokenKind.Symbol || Current.Text != symbol)
        {
            return false;
        }

        _next++;
        return true;
    }
}
