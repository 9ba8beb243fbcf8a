namespace SesamTalk.Testing.Salesforce.Soql;

/// <summary>A parsed SOQL statement (the subset the emulator supports).</summary>
internal sealed record SoqlQuery(
    IReadOnlyList<string> Fields,
    bool IsCount,
    string From,
    SoqlCondition? Where,
    IReadOnlyList<SoqlOrder> OrderBy,
    int? Limit,
    int? Offset);

/// <summary>A WHERE condition.</summary>
internal abstract record SoqlCondition;

internal sealed record SoqlAnd(SoqlCondition Left, SoqlCondition Right) : SoqlCondition;

internal sealed record SoqlOr(SoqlCondition Left, SoqlCondition Right) : SoqlCondition;

internal sealed record SoqlNot(SoqlCondition Inner) : SoqlCondition;

/// <summary>
/// <c>field op value</c>; <see cref="Operator"/> is one of = != &lt; &gt; &lt;= &gt;= LIKE IN NOT IN INCLUDES EXCLUDES,
/// and <see cref="Values"/> holds one literal, or several for IN, INCLUDES and EXCLUDES.
/// </summary>
internal sealed record SoqlComparison(string Field, string Operator, IReadOnlyList<SoqlToken> Values) : SoqlCondition;

/// <summary>One ORDER BY item.</summary>
internal sealed record SoqlOrder(string Field, bool Descending, bool NullsFirst);
