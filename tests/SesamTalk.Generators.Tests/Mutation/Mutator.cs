using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SesamTalk.Generators.Tests.Mutation;

/// <summary>
/// Seeded, single-edit mutations of an entity source: a deleted token, a renamed property, a changed attribute
/// argument, a removed attribute, an added modifier, other accessors or another property type. The edits are the
/// kinds a user makes while typing and the kinds that found the generator's crashes and non-compiling outputs.
/// </summary>
internal static class Mutator
{
    private static readonly string[] PropertyNames =
    {
        "@event", "@class", "SyncDefinition", "Record", "Entity", "Children", "Builder", "Instance", "SesamTalkDefinition", "Value", "Id2", "_", "Ü",
    };

    private static readonly string[] TextArguments =
    {
        "\"\"", "\" \"", "\"Salesfroce\"", "\"Salesforce\"", "\"Customcrm\"", "\"SuperOffice\"", "\"ExactOnline\"", "\"Product2\"", "\"Order\"", "\"Name\"", "\"a<b>\"", "\"@class\"",
        "\"" + new string('x', 1_000_000) + "\"",
    };

    private static readonly string[] OtherArguments =
    {
        "(FieldDirection)3", "(SyncOrigin)7", "(ConflictRule)9", "(FieldDirection)(-1)", "FieldDirection.FromRemote", "FieldDirection.ToRemote", "SyncOrigin.Both", "SyncOrigin.None",
        "SyncOrigin.Remote", "ConflictRule.RemoteWins", "null", "typeof(string)", "typeof(Order)", "typeof(Product)", "1", "Type = \"Order\"", "Direction = (FieldDirection)3",
    };

    private static readonly string[] PropertyModifiers = { "required ", "static ", "virtual ", "new ", "private ", "internal ", "protected " };

    private static readonly string[] TypeModifiers = { "file ", "abstract ", "sealed ", "static ", "internal ", "private " };

    private static readonly string[] Accessors = { "{ set { } }", "{ get; }", "{ get; init; }", "{ get; private set; }", "{ private get; set; }", "{ get => default!; set { } }" };

    private static readonly string[] Types = { "string?", "string", "int", "int?", "long", "object", "decimal?", "DateTime", "DateOnly?", "Guid?", "List<string>", "OrderStatus", "bool", "double[]", "Uri", "Order", "List<Order>" };

    /// <summary>One mutation of <paramref name="tree"/>: what was done and the new text.</summary>
    public static (string Description, string Text) Mutate(SyntaxTree tree, Random random)
    {
        var root = tree.GetRoot();
        var text = tree.GetText();
        for (var attempt = 0; ; attempt++)
        {
            var edit = random.Next(7) switch
            {
                0 => DeleteToken(root, random),
                1 => Replace(root.DescendantNodes().OfType<PropertyDeclarationSyntax>().Select(p => p.Identifier.Span), PropertyNames, "rename property", text, random),
                2 => ChangeArgument(root, text, random),
                3 => Replace(root.DescendantNodes().OfType<AttributeListSyntax>().Select(a => a.Span), new[] { string.Empty }, "remove attribute", text, random),
                4 => AddModifier(root, random),
                5 => Replace(root.DescendantNodes().OfType<PropertyDeclarationSyntax>().Where(p => p.AccessorList is not null).Select(p => p.AccessorList!.Span), Accessors, "accessors", text, random),
                _ => Replace(root.DescendantNodes().OfType<PropertyDeclarationSyntax>().Select(p => p.Type.Span), Types, "property type", text, random),
            };
            if (edit is { } found)
            {
                var (description, span, replacement) = found;
                var shown = replacement.Length > 40 ? string.Concat(replacement.AsSpan(0, 40), "...(" + replacement.Length + " chars)") : replacement;
                return ($"{description} at {text.Lines.GetLinePosition(span.Start).Line + 1}: '{Shorten(text.ToString(span))}' -> '{shown}'", text.Replace(span, replacement).ToString());
            }

            if (attempt > 100)
            {
                throw new InvalidOperationException("No mutation applies to " + tree.FilePath);
            }
        }
    }

    private static (string, TextSpan, string)? DeleteToken(SyntaxNode root, Random random)
    {
        var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        return tokens.Count == 0 ? null : ("delete token", tokens[random.Next(tokens.Count)].Span, string.Empty);
    }

    private static (string, TextSpan, string)? ChangeArgument(SyntaxNode root, SourceText text, Random random)
    {
        var arguments = root.DescendantNodes().OfType<AttributeArgumentSyntax>().ToList();
        if (arguments.Count == 0)
        {
            return null;
        }

        var argument = arguments[random.Next(arguments.Count)];
        var options = argument.Expression.IsKind(SyntaxKind.StringLiteralExpression)
            ? TextArguments.Append(Typo(argument.Expression.ToString(), random)).ToArray()
            : OtherArguments;
        return Replace(new[] { argument.Expression.Span }, options, "change attribute argument", text, random);
    }

    private static (string, TextSpan, string)? AddModifier(SyntaxNode root, Random random)
    {
        if (random.Next(2) == 0)
        {
            var types = root.DescendantNodes().OfType<TypeDeclarationSyntax>().ToList();
            return types.Count == 0 ? null : ("add modifier", new TextSpan(types[random.Next(types.Count)].Modifiers.FullSpan.Start, 0), TypeModifiers[random.Next(TypeModifiers.Length)]);
        }

        var properties = root.DescendantNodes().OfType<PropertyDeclarationSyntax>().ToList();
        return properties.Count == 0 ? null : ("add modifier", new TextSpan(properties[random.Next(properties.Count)].Type.SpanStart, 0), PropertyModifiers[random.Next(PropertyModifiers.Length)]);
    }

    private static (string, TextSpan, string)? Replace(IEnumerable<TextSpan> spans, string[] replacements, string description, SourceText text, Random random)
    {
        var list = spans.ToList();
        return list.Count == 0 ? null : (description, list[random.Next(list.Count)], replacements[random.Next(replacements.Length)]);
    }

    /// <summary>Two neighbouring characters swapped inside the quotes ("Salesforce" -> "Salesfroce").</summary>
    private static string Typo(string literal, Random random)
    {
        if (literal.Length < 4)
        {
            return literal;
        }

        var chars = literal.ToCharArray();
        var i = 1 + random.Next(chars.Length - 3);
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }

    private static string Shorten(string text) => text.Length > 60 ? string.Concat(text.AsSpan(0, 60), "...") : text.Replace("\n", " ", StringComparison.Ordinal);
}
