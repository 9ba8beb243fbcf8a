using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SesamTalk.Generators.Catalogs;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Emitting;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;
using SesamTalk.Generators.Parsing;
using SesamTalk.Generators.Validation;

namespace SesamTalk.Generators;

/// <summary>
/// Turns entity classes marked <c>[SyncsWith]</c> into mappers, entity definitions, a typed client, a model
/// registry and a DI registration. Pipeline: attribute -> equatable model -> one emitter per output.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SesamTalkGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.SyncsWith,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (syntax, cancellationToken) => EntityParser.Parse(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        // Catalogs: the standard ones plus the host's AdditionalFiles named *.catalog.json.
        var hostCatalogs = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".catalog.json", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => CatalogParser.Parse(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty, isHost: true))
            .WithTrackingName(TrackingNames.HostCatalogs);

        context.RegisterSourceOutput(hostCatalogs, static (production, catalog) =>
        {
            if (catalog.Error is not null)
            {
                production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidCatalog, Location.Create(catalog.Path, default, default), catalog.Path, catalog.Error));
            }
        });

        var catalogs = hostCatalogs.Collect()
            .Select(static (results, _) => CatalogMerger.Merge(StandardCatalogs.All, results))
            .WithTrackingName(TrackingNames.Catalogs);


        var entities = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .Combine(catalogs)
            .Select(static (pair, _) => CatalogValidator.Check(pair.Left, pair.Right).Model)
            .WithTrackingName(TrackingNames.Entities);

        context.RegisterSourceOutput(entities, static (production, entity) =>
            production.AddSource(DefinitionEmitter.HintName(entity.Header), DefinitionEmitter.Emit(entity)));

        // An entity with errors keeps a SyncDefinition that throws, so the client keeps its member (no follow-on errors).
        var stubs = parsed
            .Where(static result => result.Stub is not null)
            .Select(static (result, _) => result.Stub!)
            .WithTrackingName(TrackingNames.Stubs);

        context.RegisterSourceOutput(stubs, static (production, header) =>
            production.AddSource(DefinitionEmitter.HintName(header), DefinitionEmitter.EmitStub(header)));

        var targets = entities
            .Select(static (entity, _) => EntityTargets.From(entity))
            .WithTrackingName(TrackingNames.SyncTargets);

        context.RegisterSourceOutput(targets, static (production, entity) =>
            production.AddSource(SyncTargetsEmitter.HintName(entity), SyncTargetsEmitter.Emit(entity)));

        var mappers = entities
            .SelectMany(static (entity, _) => DefinitionEmitter.Mappers(entity))
            .WithTrackingName(TrackingNames.Mappers);

        context.RegisterSourceOutput(mappers, static (production, mapper) =>
            production.AddSource(MapperEmitter.HintName(mapper), MapperEmitter.Emit(mapper, production.CancellationToken)));

        // The client aggregates every entity: its input is kept to names and references so that a mapping
        // detail of one entity does not re-emit it.
        var entries = entities
            .Select(static (entity, _) => ClientEntry.From(entity))
            .WithTrackingName(TrackingNames.ClientEntries);

        var stubEntries = stubs.Select(static (header, _) => ClientEntry.FromStub(header));

        var memberNames = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeNames.SyncClientMember, static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax, ClientSite.OfMemberName);

        var assemblyNamespace = context.CompilationProvider
            .Select(static (compilation, _) => Naming.Namespace(compilation.AssemblyName ?? "SesamTalkHost"));

        var index = entries.Collect()
            .Combine(stubEntries.Collect())
            .Combine(memberNames.Select(static (named, _) => named.Name).Collect())
            .Combine(assemblyNamespace)
            .Select(static (pair, _) => ClientIndex.Build(pair.Right, ClientEmitter.DependencyOrder(pair.Left.Left.Left.Concat(pair.Left.Left.Right)), pair.Left.Right))
            .WithTrackingName(TrackingNames.ClientIndex);

        // Diagnostics travel apart from the models, with real locations, so editors and builds place them.
        var diagnostics = parsed
            .Combine(catalogs)
            .Combine(index)
            .Select(static (pair, _) => CatalogValidator.Diagnostics(pair.Left.Left, pair.Left.Right)
                .Concat(EntityNameCheck.Diagnostics(pair.Left.Left, pair.Right.Entries))
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(diagnostics, static (production, found) =>
        {
            foreach (var diagnostic in found)
            {
                production.ReportDiagnostic(diagnostic);
            }
        });

        // A client that would not compile is not emitted; the diagnostics say what to fix instead.
        context.RegisterSourceOutput(index, static (production, clientIndex) =>
        {
            if (clientIndex.Entries.Count > 0 && !ClientChecks.Find(clientIndex).Any(problem => problem.Blocks))
            {
                production.AddSource(ClientEmitter.HintName, ClientEmitter.Emit(clientIndex));
            }
        });

        // The client's diagnostics are placed on the entities' names and their [SyncClientMember]s, which change with
        // every edit: they travel apart from the index, so the client is not re-emitted for them.
        var entitySites = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeNames.SyncsWith, static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax, ClientSite.OfEntity)
            .Collect();
        var clientDiagnostics = index
            .Combine(entitySites)
            .Combine(memberNames.Select(static (named, _) => named.Site).Collect())
            .Select(static (input, _) => ClientChecks.Diagnostics(ClientChecks.Find(input.Left.Left), input.Left.Right, input.Right).ToEquatableArray());
        context.RegisterSourceOutput(clientDiagnostics, static (production, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                production.ReportDiagnostic(diagnostic);
            }
        });
    }
}
