using System.Linq;
using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>The input of an entity's typed targets: where it is declared and the (system, type) of each flow, nothing more.</summary>
internal sealed record EntityTargets(EntityHeader Header, EquatableArray<EntityTarget> Targets)
{
    public static EntityTargets From(EntityModel model) =>
        new(model.Header, model.Targets.Select(target => new EntityTarget(target.System, target.Type)).ToEquatableArray());
}

/// <summary>One (system, type) an entity syncs with.</summary>
internal sealed record EntityTarget(string System, string Type);
