using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;
using SesamTalk.Generators.Parsing;

namespace SesamTalk.Generators.Emitting;

/// <summary>
/// Emits the entity's typed targets, one per <c>[SyncsWith]</c>: <c>Product.SyncTargets.SalesforceProduct2</c>, so
/// hosts name a flow without spelling its system and type (<c>new SyncTarget("Salesforce", "Product2")</c>) again.
/// </summary>
internal static class SyncTargetsEmitter
{
    public static string HintName(EntityTargets model) => model.Header.HintPrefix + ".SyncTargets.g.cs";

    public static string Emit(EntityTargets model)
    {
        var writer = Generated.File();
        using (new EntityScope(writer, model.Header))
        {
            writer.Line("/// <summary>The (system, type) pairs <see cref=\"" + model.Header.Name + "\"/> syncs with, one per flow.</summary>");
            writer.Line(Generated.CodeAttribute);
            using (writer.Open("public static " + Generated.New(model.Header, ReservedNames.SyncTargets) + "class " + ReservedNames.SyncTargets))
            {
                var first = true;
                foreach (var target in model.Targets)
                {
                    if (!first)
                    {
                        writer.Line();
                    }

                    first = false;
                    writer.Line("/// <summary>" + Xml(target.System) + "/" + Xml(target.Type) + ".</summary>");
                    writer.Line("public static global::SesamTalk.SyncTarget " + Member(target) + " { get; } = new global::SesamTalk.SyncTarget("
                        + Generated.Quote(target.System) + ", " + Generated.Quote(target.Type) + ");");
                }
            }
        }

        return writer.ToString();
    }

    /// <summary>The target's member: system and type as one identifier, e.g. <c>SalesforceProduct2</c>.</summary>
    public static string Member(EntityTarget target) => Naming.Identifier(target.System) + Naming.Identifier(target.Type);

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
