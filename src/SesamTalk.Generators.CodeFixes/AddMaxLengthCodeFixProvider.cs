using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SesamTalk.Generators.Diagnostics;

namespace SesamTalk.Generators.CodeFixes;

/// <summary>
/// SESAM205: declares the remote field's length on the property: lowers an existing <c>[MaxLength]</c> or
/// <c>[StringLength]</c> that is too long, or adds <c>[MaxLength(n)]</c> (and its <c>using</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMaxLengthCodeFixProvider)), Shared]
public sealed class AddMaxLengthCodeFixProvider : CodeFixProvider
{
    private const string MaxLengthAttribute = "System.ComponentModel.DataAnnotations.MaxLengthAttribute";
    private const string StringLengthAttribute = "System.ComponentModel.DataAnnotations.StringLengthAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(FixableIds.PossibleTruncation);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model?.Compilation.GetTypeByMetadataName(MaxLengthAttribute) is not { } maxLength)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.MaxLength, out var text)
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault() is not { } property)
            {
                continue;
            }

            var name = property.Identifier.ValueText;
            if (DeclaredLimit(property, model) is { } declared)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Lower the limit of '" + name + "' to " + length.ToString(CultureInfo.InvariantCulture),
                        cancellationToken => Edits.ReplaceAsync(context.Document, declared, (_, generator) => generator.LiteralExpression(length), cancellationToken),
                        equivalenceKey: nameof(AddMaxLengthCodeFixProvider)),
                    diagnostic);
            }
            else
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add [MaxLength(" + length.ToString(CultureInfo.InvariantCulture) + ")] to '" + name + "'",
                        cancellationToken => Edits.AddAttributeAsync(context.Document, property, maxLength, new object[] { length }, cancellationToken),
                        equivalenceKey: nameof(AddMaxLengthCodeFixProvider)),
                    diagnostic);
            }
        }
    }

    /// <summary>The length argument of the property's [MaxLength(n)] or [StringLength(n)], if it has one.</summary>
    private static ExpressionSyntax? DeclaredLimit(PropertyDeclarationSyntax property, SemanticModel model) =>
        property.AttributeLists
            .SelectMany(list => list.Attributes)
            .Where(attribute => model.GetTypeInfo(attribute).Type?.ToDisplayString() is MaxLengthAttribute or StringLengthAttribute)
            .Select(attribute => attribute.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals is null)?.Expression)
            .FirstOrDefault(expression => expression is not null);
}
