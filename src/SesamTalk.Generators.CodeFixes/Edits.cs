using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace SesamTalk.Generators.CodeFixes;

/// <summary>
/// How the fixes change a document: replace one node through a <see cref="SyntaxGenerator"/>, then add the
/// <c>using</c> directives that the new type names need (the code action's own clean-up shortens those names).
/// </summary>
internal static class Edits
{
    public static async Task<Document> ReplaceAsync<TNode>(Document document, TNode node, Func<TNode, SyntaxGenerator, SyntaxNode> replacement, CancellationToken cancellationToken)
        where TNode : SyntaxNode
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(node, replacement(node, editor.Generator));
        return await ImportAdder.AddImportsAsync(editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds <c>[Attribute(arguments)]</c> to the property: into its last attribute list when it has one
    /// (<c>[MaxLength(40), Field("Salesforce", "ProductCode")]</c>), else as a list of its own on the line above.
    /// </summary>
    public static Task<Document> AddAttributeAsync(Document document, PropertyDeclarationSyntax property, INamedTypeSymbol attribute, IEnumerable<object> arguments, CancellationToken cancellationToken) =>
        ReplaceAsync(
            document,
            property,
            (node, generator) =>
            {
                var added = (AttributeListSyntax)generator.Attribute(
                    NameOf(attribute),
                    arguments.Select(argument => generator.AttributeArgument(generator.LiteralExpression(argument))));
                if (node.AttributeLists.LastOrDefault() is not { } last)
                {
                    return generator.AddAttributes(node, added);
                }

                return node.ReplaceNode(last, last.AddAttributes(added.Attributes.ToArray()));
            },
            cancellationToken);

    /// <summary>The attribute's name as written (<c>MaxLength</c>), qualified until the clean-up adds its <c>using</c>.</summary>
    private static NameSyntax NameOf(INamedTypeSymbol attribute)
    {
        var name = attribute.Name.EndsWith("Attribute", StringComparison.Ordinal) ? attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length) : attribute.Name;
        return SyntaxFactory.ParseName(attribute.ContainingNamespace.ToDisplayString() + "." + name)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }
}
