namespace SesamTalk.Generators.CodeFixes;

/// <summary>The generator's diagnostic IDs that have a code fix (docs/diagnostics/code-fixes.md).</summary>
internal static class FixableIds
{
    public const string EntityNotPartial = "SESAM001";
    public const string UnknownSystem = "SESAM102";
    public const string UnknownType = "SESAM201";
    public const string UnknownField = "SESAM202";
    public const string PossibleTruncation = "SESAM205";
}
