using System.Globalization;

namespace SesamTalk.Generators.CodeFixes;

/// <summary>
/// SESAM205: declares the remote field's length on the property: lowers an existing <c>[MaxLength]</c> or
/// <c>[StringLength]</c> that is too long, or adds <c>[MaxLength(n)]</c> (and its <c>using</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMaxLengthCodeFixProvider)), Shared]
public sealed class AddMaxLengthCodeFixProvider : SesamTalkCodeFixProvider
{
    private const string MaxLengthAttribute = "System.ComponentModel.DataAnnotations.MaxLengthAttribute";
    private const string StringLengthAttribute = "System.ComponentModel.DataAnnotations.StringLengthAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SESAM205");

    /// <inheritdoc />
    protected override CodeAction? Fix(Document document, Diagnostic diagnostic, SyntaxNode node, SemanticModel model)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.MaxLength, out var text)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || node.AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault() is not { } property
            || model.Compilation.GetTypeByMetadataName(MaxLengthAttribute) is not { } maxLength)
        {
            return null;
        }

        var name = property.Identifier.ValueText;
        var limit = length.ToString(CultureInfo.InvariantCulture);
        return DeclaredLimit(property, model) is { } declared
            ? CodeAction.Create(
                "Lower the limit of '" + name + "' to " + limit,
                cancellationToken => Edits.ReplaceAsync(document, declared, (_, generator) => generator.LiteralExpression(length), cancellationToken),
                equivalenceKey: nameof(AddMaxLengthCodeFixProvider))
            : CodeAction.Create(
                "Add [MaxLength(" + limit + ")] to '" + name + "'",
                cancellationToken => Edits.AddAttributeAsync(document, property, maxLength, new object[] { length }, cancellationToken),
                equivalenceKey: nameof(AddMaxLengthCodeFixProvider));
    }

    /// <summary>The length argument of the property's [MaxLength(n)] or [StringLength(n)], if it has one.</summary>
    private static ExpressionSyntax? DeclaredLimit(PropertyDeclarationSyntax property, SemanticModel model) =>
        property.AttributeLists
            .SelectMany(list => list.Attributes)
            .Where(attribute => model.GetTypeInfo(attribute).Type?.ToDisplayString() is MaxLengthAttribute or StringLengthAttribute)
            .Select(attribute => attribute.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals is null)?.Expression)
            .FirstOrDefault(expression => expression is not null);
}
