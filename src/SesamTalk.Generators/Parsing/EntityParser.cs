using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>Turns an entity class marked [SyncsWith] into an equatable <see cref="EntityModel"/> plus diagnostics.</summary>
internal static class EntityParser
{
    private const int OriginRemote = 1;
    private const int OriginBoth = 2;

    private static readonly ParseResult Nothing = new(null, EquatableArray<Diagnostic>.Empty, EquatableArray<Site>.Empty);

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol entity || !IsFirstAnnotatedDeclaration(context, entity))
        {
            return Nothing;
        }

        var parse = new ParseContext(entity, cancellationToken);
        CheckDeclaration(parse, entity);
        ReadTargets(parse, entity);
        var properties = PropertyInfo.Collect(entity);
        var id = IdReader.Read(parse, properties);
        AttributeSystemChecker.Check(parse, properties);

        var targets = parse.Targets.Select(target => TargetBuilder.Build(parse, target, properties)).ToEquatableArray();
        var canCreate = CanCreate(entity);
        var creator = parse.Targets.FirstOrDefault(t => t.Origin is OriginRemote or OriginBoth);
        if (!canCreate && creator is not null)
        {
            parse.Report(DiagnosticDescriptors.NoParameterlessConstructor, null, entity.Name, creator.System);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = parse.Diagnostics.ToEquatableArray();
        var sites = parse.Sites.ToEquatableArray();
        if (parse.HasErrors || id is null)
        {
            return new ParseResult(null, diagnostics, sites);
        }

        var references = targets
            .SelectMany(t => t.Fields)
            .Select(f => f.Reference?.EntityType)
            .Concat(targets.SelectMany(t => t.Children).Select(c => c.ElementType))
            .OfType<string>()
            .Distinct()
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .ToEquatableArray();

        var model = new EntityModel(Header(entity), id.Name, id.Kind, id.IsNullable, canCreate, targets, references);
        return new ParseResult(model, diagnostics, sites);
    }

    /// <summary>
    /// [SyncsWith] may sit on several partial declarations; the transform runs once per declaration, so only the
    /// declaration that holds the first [SyncsWith] produces output (otherwise two identical files would clash).
    /// </summary>
    private static bool IsFirstAnnotatedDeclaration(GeneratorAttributeSyntaxContext context, INamedTypeSymbol entity)
    {
        var first = entity.GetAttributes().FirstOrDefault(a => a.Is(AttributeNames.SyncsWith))?.ApplicationSyntaxReference;
        return first is not null
            && first.SyntaxTree == context.TargetNode.SyntaxTree
            && context.TargetNode.Span.Contains(first.Span);
    }

    private static void CheckDeclaration(ParseContext parse, INamedTypeSymbol entity)
    {
        for (var type = entity; type is not null; type = type.ContainingType)
        {
            var isPartial = type.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(parse.CancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!isPartial)
            {
                parse.Report(DiagnosticDescriptors.EntityNotPartial, type.Locations.FirstOrDefault(), type.Name);
            }
        }

        if (entity.IsGenericType)
        {
            parse.Report(DiagnosticDescriptors.GenericEntity, null, entity.Name);
        }
    }

    private static void ReadTargets(ParseContext parse, INamedTypeSymbol entity)
    {
        foreach (var attribute in entity.GetAttributes().Where(a => a.Is(AttributeNames.SyncsWith)))
        {
            var system = attribute.Argument(0);
            var type = attribute.Argument(1);
            if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(type))
            {
                parse.Report(DiagnosticDescriptors.EmptyTargetName, parse.Where(attribute), entity.Name);
            }
            else if (parse.SyncsWith(system!, type))
            {
                parse.Report(DiagnosticDescriptors.DuplicateTarget, parse.Where(attribute), entity.Name, system!, type!);
            }
            else
            {
                parse.Targets.Add(new TargetDeclaration(system!, type!, attribute.NamedInt("Origin")));
                parse.AddSite(Site.Target(system!, type!), parse.Where(attribute));
            }
        }
    }

    private static EntityHeader Header(INamedTypeSymbol entity)
    {
        var containing = new List<string>();
        var isPublic = entity.DeclaredAccessibility == Accessibility.Public;
        for (var outer = entity.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, Declaration(outer));
            isPublic &= outer.DeclaredAccessibility == Accessibility.Public;
        }

        var ns = entity.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        var hint = "SesamTalk." + Format.MetadataName(entity).Replace('+', '.').Replace('`', '_');
        return new EntityHeader(
            ns,
            entity.Name,
            Format.TypeWithoutAnnotation(entity),
            Declaration(entity),
            containing.ToEquatableArray(),
            isPublic,
            hint);
    }

    /// <summary>A parameterless constructor of any accessibility will do: the generated definition is nested in the entity.</summary>
    public static bool CanCreate(INamedTypeSymbol type) =>
        !type.IsAbstract && type.InstanceConstructors.Any(constructor => constructor.Parameters.Length == 0);

    private static string Declaration(INamedTypeSymbol type) =>
        "partial " + (type.IsRecord ? "record" : type.TypeKind == TypeKind.Struct ? "struct" : "class") + " " + type.Name;
}
