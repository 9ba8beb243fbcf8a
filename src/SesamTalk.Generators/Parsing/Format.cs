using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Parsing;

/// <summary>Symbol display formats the generator relies on.</summary>
internal static class Format
{
    /// <summary><c>global::Namespace.Type</c> with nullable annotations, for type references in generated code.</summary>
    public static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary><c>Namespace.Outer+Inner`1</c>-style metadata name of a type.</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    public static string Type(ITypeSymbol type) => type.ToDisplayString(Qualified);

    /// <summary>The type without a nullable reference annotation (for <c>typeof</c> and <c>new</c>).</summary>
    public static string TypeWithoutAnnotation(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
