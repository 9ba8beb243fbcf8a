using System.Linq;
using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>
/// An entity as the typed client sees it. Kept tiny on purpose: the client is an aggregate over every entity,
/// so it must not change when only a mapping detail of one entity changes.
/// </summary>
/// <param name="Name">The entity's class name.</param>
/// <param name="FullyQualifiedName">The entity's type, <c>global::</c>-qualified.</param>
/// <param name="IsPublic">Whether the entity and every type containing it are public.</param>
/// <param name="ReferencedEntities">The entities it references, for the dependency order.</param>
/// <param name="ChildEntities">The entities its targets carry as child records (an order's lines).</param>
/// <param name="Member">Its member of the typed client: the plural of its name unless <c>[SyncClientMember]</c> names it.</param>
/// <param name="InClient">
/// Whether the typed client has a member for it: not when another entity carries it as child records (order lines),
/// since it syncs inside its parent's records and syncing it alone would do nothing.
/// </param>
internal sealed record ClientEntry(
    string Name,
    string FullyQualifiedName,
    bool IsPublic,
    EquatableArray<string> ReferencedEntities,
    EquatableArray<string> ChildEntities,
    string Member,
    bool InClient)
{
    /// <summary>The entry of one parsed entity, before the index names its member and sees which entities sync inside another's records.</summary>
    public static ClientEntry From(EntityModel model) => new(
        model.Header.Name,
        model.Header.FullyQualifiedName,
        model.Header.IsPublic,
        model.ReferencedEntities,
        model.Targets.SelectMany(target => target.Children).Select(child => child.ElementType).Distinct().ToEquatableArray(),
        Naming.Plural(model.Header.Name),
        InClient: true);

    /// <summary>
    /// The entry of an entity with errors: it keeps its client member (no follow-on errors) and references and carries
    /// nothing, since its model is unknown.
    /// </summary>
    public static ClientEntry FromStub(EntityHeader header) => new(
        header.Name,
        header.FullyQualifiedName,
        header.IsPublic,
        EquatableArray<string>.Empty,
        EquatableArray<string>.Empty,
        Naming.Plural(header.Name),
        InClient: true);
}
