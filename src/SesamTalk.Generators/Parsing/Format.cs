using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Parsing;

/// <summary>Symbol display formats the generator relies on.</summary>
internal static class Format
{
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

    /// <summary>The type by its short name (<c>decimal?</c>, <c>ProductFamily</c>), for documents.</summary>
    public static string Short(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    /// <summary>The type as C# error messages show it (<c>decimal</c>, <c>System.Uri?</c>), for diagnostics.</summary>
    public static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    /// <summary><c>global::Namespace.Type</c> without a nullable reference annotation, for type references in generated code.</summary>
    public static string TypeWithoutAnnotation(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The namespace of <paramref name="type"/> as C# declares it (keywords escaped), or null for the global namespace.</summary>
    public static string? Namespace(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted))
            : null;
}
