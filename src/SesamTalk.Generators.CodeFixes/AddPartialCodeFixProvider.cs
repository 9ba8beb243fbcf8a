namespace SesamTalk.Generators.CodeFixes;

/// <summary>SESAM001: adds <c>partial</c> to the entity, or to the containing type, the diagnostic names.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFixProvider)), Shared]
public sealed class AddPartialCodeFixProvider : SesamTalkCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SESAM001");

    /// <inheritdoc />
    protected override CodeAction? Fix(Document document, Diagnostic diagnostic, SyntaxNode node, SemanticModel model) =>
        node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is { } declaration
            ? CodeAction.Create(
                "Make '" + declaration.Identifier.ValueText + "' partial",
                cancellationToken => Edits.ReplaceAsync(document, declaration, (type, generator) => generator.WithModifiers(type, generator.GetModifiers(type).WithPartial(true)), cancellationToken),
                equivalenceKey: nameof(AddPartialCodeFixProvider))
            : null;
}
