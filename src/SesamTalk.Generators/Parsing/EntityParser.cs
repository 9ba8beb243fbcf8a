using System.Collections.Generic;
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
    private static readonly ParseResult Nothing = new(null, null, EquatableArray<Diagnostic>.Empty, EquatableArray<Site>.Empty, null);

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol entity || !IsFirstAnnotatedDeclaration(context, entity))
        {
            return Nothing;
        }

        return Parse(entity, new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default), cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="entity"/> gets its generated members (no error blocks it), for entities another one
    /// names as children: a parent must not call the mapper of a child that has none. A type already being parsed
    /// up the chain (children that contain their parent) counts as generated; its own parse decides.
    /// </summary>
    public static bool Generates(INamedTypeSymbol entity, ParseContext parent) =>
        parent.Visiting.Contains(entity) || Parse(entity, parent.Visiting, parent.CancellationToken).Model is not null;

    /// <summary>
    /// A parameterless constructor of any accessibility will do (the generated definition is nested in the entity),
    /// as long as it sets the entity's required members or the entity has none.
    /// </summary>
    public static bool CanCreate(INamedTypeSymbol type) =>
        !type.IsAbstract && type.InstanceConstructors.Any(constructor =>
            constructor.Parameters.Length == 0 && (!HasRequiredMembers(type) || SetsRequiredMembers(constructor)));

    private static ParseResult Parse(INamedTypeSymbol entity, HashSet<INamedTypeSymbol> visiting, CancellationToken cancellationToken)
    {
        visiting.Add(entity);
        try
        {
            return ParseEntity(new ParseContext(entity, visiting, cancellationToken));
        }
        finally
        {
            visiting.Remove(entity);
        }
    }

    private static ParseResult ParseEntity(ParseContext parse)
    {
        var entity = parse.Entity;
        var declarable = CheckDeclaration(parse, entity);
        ReadTargets(parse);
        var properties = PropertyInfo.Collect(entity);
        var reservedClash = ReservedNames.Check(parse, properties);
        var id = IdReader.Read(parse, properties);
        AttributeArgumentChecker.Check(parse, properties);

        var targets = parse.Targets.Select(target => TargetBuilder.Build(parse, target, properties)).ToEquatableArray();
        var canCreate = CanCreate(entity);
        var creator = parse.Targets.FirstOrDefault(t => t.Origin.CreatesLocal());
        if (!canCreate && creator is not null)
        {
            parse.Report(DiagnosticDescriptors.NoParameterlessConstructor, null, entity.Name, creator.System);
        }

        parse.CancellationToken.ThrowIfCancellationRequested();
        var diagnostics = parse.Diagnostics.ToEquatableArray();
        var sites = parse.Sites.ToEquatableArray();
        var header = Header(entity);
        if (parse.HasErrors || id is null)
        {
            // The client keeps the entity's member when the entity can still carry a SyncDefinition that throws.
            var stub = declarable && !reservedClash ? header : null;
            return new ParseResult(null, stub, diagnostics, sites, stub is null ? null : Declaration(header, parse));
        }

        var references = targets
            .SelectMany(t => t.Fields)
            .Select(f => f.Reference?.EntityType)
            .Concat(targets.SelectMany(t => t.Children).Select(c => c.ElementType))
            .OfType<string>()
            .Distinct()
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .ToEquatableArray();

        var model = new EntityModel(header, id.Name, id.Kind, id.IsNullable, canCreate, targets, references);
        return new ParseResult(model, null, diagnostics, sites, Declaration(header, parse));
    }

    private static EntityDeclaration Declaration(EntityHeader header, ParseContext parse) =>
        new(header.Name, header.FullyQualifiedName, parse.EntityLocation);

    /// <summary>
    /// [SyncsWith] may sit on several partial declarations; the transform runs once per declaration, so only the
    /// declaration that holds the first [SyncsWith] produces output (otherwise two identical files would clash).
    /// </summary>
    private static bool IsFirstAnnotatedDeclaration(GeneratorAttributeSyntaxContext context, INamedTypeSymbol entity)
    {
        var first = entity.GetAttributes().Select(AttributeConfigReader.Read).OfType<SyncsWithConfig>().FirstOrDefault()?.Data.ApplicationSyntaxReference;
        return first is not null
            && first.SyntaxTree == context.TargetNode.SyntaxTree
            && context.TargetNode.Span.Contains(first.Span);
    }

    /// <summary>Reports declarations generated code cannot extend; true when the entity can carry generated members.</summary>
    private static bool CheckDeclaration(ParseContext parse, INamedTypeSymbol entity)
    {
        var declarable = true;
        for (var type = entity; type is not null; type = type.ContainingType)
        {
            if (type.IsFileLocal)
            {
                parse.Report(DiagnosticDescriptors.FileLocalEntity, type.Locations.FirstOrDefault(), type.Name);
                declarable = false;
            }

            var isPartial = type.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(parse.CancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!isPartial)
            {
                parse.Report(DiagnosticDescriptors.EntityNotPartial, type.Locations.FirstOrDefault(), type.Name);
                declarable = false;
            }
        }

        if (entity.IsGenericType)
        {
            parse.Report(DiagnosticDescriptors.GenericEntity, null, entity.Name);
            declarable = false;
        }

        return declarable;
    }

    private static void ReadTargets(ParseContext parse)
    {
        foreach (var attribute in parse.Configs.OfType<SyncsWithConfig>())
        {
            if (string.IsNullOrWhiteSpace(attribute.System) || string.IsNullOrWhiteSpace(attribute.Type))
            {
                parse.Report(DiagnosticDescriptors.EmptyTargetName, parse.Where(attribute), parse.Entity.Name);
            }
            else if (parse.SyncsWith(attribute.System!, attribute.Type))
            {
                parse.Report(DiagnosticDescriptors.DuplicateTarget, parse.Where(attribute), parse.Entity.Name, attribute.System!, attribute.Type!);
            }
            else
            {
                parse.Targets.Add(new TargetDeclaration(attribute.System!, attribute.Type!, attribute.Origin));
                parse.AddSite(SiteKey.Target(attribute.System!, attribute.Type!), parse.Where(attribute));
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

        return new EntityHeader(
            Format.Namespace(entity),
            entity.Name,
            Format.TypeWithoutAnnotation(entity),
            Declaration(entity),
            containing.ToEquatableArray(),
            isPublic,
            "SesamTalk." + Naming.HintName(Format.MetadataName(entity)),
            ReservedNames.Inherited(entity));
    }

    private static string Declaration(INamedTypeSymbol type)
    {
        var kind = type.IsRecord
            ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
            : (type.TypeKind == TypeKind.Struct ? "struct" : "class");
        return "partial " + kind + " " + Naming.Escaped(type.Name);
    }

    private static bool HasRequiredMembers(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers().Any(member => member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SetsRequiredMembers(IMethodSymbol constructor) =>
        constructor.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
}
