using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SesamTalk.Generators.Diagnostics;

namespace SesamTalk.Generators.CodeFixes;

/// <summary>
/// SESAM102, SESAM201 and SESAM202: writes the name the diagnostic suggests in place of the misspelt string argument
/// of the attribute it points at. A property mapped by its name (the diagnostic points at the property) gets a
/// <c>[Field(system, suggestion)]</c> instead.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DidYouMeanCodeFixProvider)), Shared]
public sealed class DidYouMeanCodeFixProvider : CodeFixProvider
{
    private const string FieldAttribute = "SesamTalk.FieldAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(FixableIds.UnknownSystem, FixableIds.UnknownType, FixableIds.UnknownField);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Suggestion, out var suggestion) || suggestion is null
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Replaces, out var misspelt) || misspelt is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is { } attribute)
            {
                if (Argument(attribute, misspelt) is { } literal)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Change '" + misspelt + "' to '" + suggestion + "'",
                            cancellationToken => Edits.ReplaceAsync(context.Document, literal, (_, generator) => generator.LiteralExpression(suggestion), cancellationToken),
                            equivalenceKey: nameof(DidYouMeanCodeFixProvider)),
                        diagnostic);
                }
            }
            else if (diagnostic.Properties.TryGetValue(DiagnosticProperties.System, out var system) && system is not null
                && node.AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault() is { } property
                && property.Identifier.ValueText == misspelt)
            {
                await RegisterAddFieldAsync(context, diagnostic, property, system, suggestion).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The attribute's string argument that holds the misspelt text.</summary>
    private static LiteralExpressionSyntax? Argument(AttributeSyntax attribute, string misspelt) =>
        attribute.ArgumentList?.Arguments
            .Select(argument => argument.Expression)
            .OfType<LiteralExpressionSyntax>()
            .FirstOrDefault(literal => literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText == misspelt);

    private static async Task RegisterAddFieldAsync(CodeFixContext context, Diagnostic diagnostic, PropertyDeclarationSyntax property, string system, string suggestion)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model?.Compilation.GetTypeByMetadataName(FieldAttribute) is not { } fieldAttribute)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Map '" + property.Identifier.ValueText + "' to '" + suggestion + "' with [Field]",
                cancellationToken => Edits.AddAttributeAsync(context.Document, property, fieldAttribute, new object[] { system, suggestion }, cancellationToken),
                equivalenceKey: nameof(DidYouMeanCodeFixProvider)),
            diagnostic);
    }
}
