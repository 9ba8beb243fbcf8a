using System.Threading.Tasks;

namespace SesamTalk.Generators.CodeFixes;

/// <summary>
/// What every SesamTalk fix shares: fix-all in batches, and one fix (or none) per diagnostic, made from the node the
/// diagnostic points at.
/// </summary>
public abstract class SesamTalkCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Fix(context.Document, diagnostic, node, model) is { } fix)
            {
                context.RegisterCodeFix(fix, diagnostic);
            }
        }
    }

    /// <summary>The fix of one diagnostic, or null when the code at <paramref name="node"/> gives it nothing sure to write.</summary>
    protected abstract CodeAction? Fix(Document document, Diagnostic diagnostic, SyntaxNode node, SemanticModel model);
}
