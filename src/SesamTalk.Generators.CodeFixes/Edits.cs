using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;

namespace SesamTalk.Generators.CodeFixes;

/// <summary>The one way the fixes change a document: replace one node, through a <see cref="SyntaxGenerator"/>.</summary>
internal static class Edits
{
    public static async Task<Document> ReplaceAsync<TNode>(Document document, TNode node, Func<TNode, SyntaxGenerator, SyntaxNode> replacement, CancellationToken cancellationToken)
        where TNode : SyntaxNode
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(node, replacement(node, editor.Generator));
        return editor.GetChangedDocument();
    }
}
