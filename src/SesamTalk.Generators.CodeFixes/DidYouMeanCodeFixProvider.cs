using Microsoft.CodeAnalysis.CSharp;

namespace SesamTalk.Generators.CodeFixes;

/// <summary>
/// SESAM102, SESAM201, SESAM202 and SESAM212: writes the name the diagnostic suggests in place of the misspelt string argument
/// of the attribute it points at. A property mapped by its name (the diagnostic points at the property) gets a
/// <c>[Field(system, suggestion)]</c> instead.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DidYouMeanCodeFixProvider)), Shared]
public sealed class DidYouMeanCodeFixProvider : SesamTalkCodeFixProvider
{
    private const string FieldAttribute = "SesamTalk.FieldAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create("SESAM102", "SESAM201", "SESAM202", "SESAM212");

    /// <inheritdoc />
    protected override CodeAction? Fix(Document document, Diagnostic diagnostic, SyntaxNode node, SemanticModel model)
    {
        var properties = diagnostic.Properties;
        if (!properties.TryGetValue(DiagnosticProperties.Suggestion, out var suggestion) || suggestion is null
            || !properties.TryGetValue(DiagnosticProperties.Replaces, out var misspelt) || misspelt is null)
        {
            return null;
        }

        if (node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is { } attribute)
        {
            return Argument(attribute, misspelt) is { } literal
                ? CodeAction.Create(
                    "Change '" + misspelt + "' to '" + suggestion + "'",
                    cancellationToken => Edits.ReplaceAsync(document, literal, (_, generator) => generator.LiteralExpression(suggestion), cancellationToken),
                    equivalenceKey: nameof(DidYouMeanCodeFixProvider))
                : null;
        }

        return properties.TryGetValue(DiagnosticProperties.System, out var system) && system is not null
            && node.AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault() is { } property
            && property.Identifier.ValueText == misspelt
            && model.Compilation.GetTypeByMetadataName(FieldAttribute) is { } fieldAttribute
            ? CodeAction.Create(
                "Map '" + misspelt + "' to '" + suggestion + "' with [Field]",
                cancellationToken => Edits.AddAttributeAsync(document, property, fieldAttribute, new object[] { system, suggestion }, cancellationToken),
                equivalenceKey: nameof(DidYouMeanCodeFixProvider))
            : null;
    }

    /// <summary>The attribute's string argument that holds the misspelt text.</summary>
    private static LiteralExpressionSyntax? Argument(AttributeSyntax attribute, string misspelt) =>
        attribute.ArgumentList?.Arguments
            .Select(argument => argument.Expression)
            .OfType<LiteralExpressionSyntax>()
            .FirstOrDefault(literal => literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText == misspelt);
}
