using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SesamTalk.Generators.Model;
using SesamTalk.Generators.Parsing;

namespace SesamTalk.Generators.Emitting;

/// <summary>
/// Where an entity, or its <c>[SyncClientMember]</c>, is declared: the typed client's diagnostics are placed there.
/// Sites travel only in the diagnostics branch of the pipeline, never in the models.
/// </summary>
/// <param name="FullyQualifiedName">The entity's type, <c>global::</c>-qualified.</param>
/// <param name="Location">The entity's name, or the attribute's argument.</param>
internal sealed record ClientSite(string FullyQualifiedName, Location Location)
{
    /// <summary>The name of an entity marked <c>[SyncsWith]</c>.</summary>
    public static ClientSite OfEntity(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        new(Format.TypeWithoutAnnotation((INamedTypeSymbol)context.TargetSymbol), ((TypeDeclarationSyntax)context.TargetNode).Identifier.GetLocation());

    /// <summary>The member name an entity's <c>[SyncClientMember]</c> gives, and where it is written.</summary>
    public static (ClientMemberName Name, ClientSite Site) OfMemberName(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var entity = Format.TypeWithoutAnnotation((INamedTypeSymbol)context.TargetSymbol);
        var attribute = context.Attributes[0];
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var location = syntax?.ArgumentList is { Arguments.Count: > 0 } arguments ? arguments.Arguments[0].GetLocation() : syntax?.GetLocation() ?? Location.None;
        var member = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name ? name : string.Empty;
        return (new ClientMemberName(entity, member), new ClientSite(entity, location));
    }
}
