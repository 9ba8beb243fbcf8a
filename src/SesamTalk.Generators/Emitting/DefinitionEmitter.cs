using System.Linq;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>Emits the entity's definition (name, id accessor, factory, mappers) and its static <c>SyncDefinition</c> property.</summary>
internal static class DefinitionEmitter
{
    private const string DefinitionName = "SesamTalkDefinition";

    public static string HintName(EntityModel model) => model.Header.HintPrefix + ".g.cs";

    public static string Emit(EntityModel model)
    {
        var entity = model.Header;
        var contract = "global::SesamTalk.ISyncEntityDefinition<" + entity.FullyQualifiedName + ">";
        var writer = Generated.File();
        using (new EntityScope(writer, entity))
        {
            writer.Line("/// <summary>What SesamTalk generated for <see cref=\"" + entity.Name + "\"/>: its name, id, factory and mappers.</summary>");
            writer.Line(Generated.CodeAttribute);
            writer.Line("public static " + contract + " SyncDefinition => " + DefinitionName + ".Instance;");
            writer.Line();
            writer.Line(Generated.CodeAttribute);
            writer.Line(Generated.HiddenAttribute);
            using (writer.Open("internal sealed class " + DefinitionName + " : global::SesamTalk.EntityDefinition<" + entity.FullyQualifiedName + ">"))
            {
                writer.Line("public static readonly " + DefinitionName + " Instance = new " + DefinitionName + "();");
                writer.Line();
                writer.Line("private " + DefinitionName + "()");
                writer.Line("    : base(" + Generated.Quote(entity.Name) + string.Concat(model.Targets.Select(t => ", " + t.MapperName + ".Instance")) + ")");
                writer.Line("{");
                writer.Line("}");
                writer.Line();
                writer.Line("public override string GetId(" + entity.FullyQualifiedName + " entity) => " + IdExpression(model) + ";");
                writer.Line();
                writer.Line("public override " + entity.FullyQualifiedName + " Create() => " + CreateExpression(model) + ";");
            }
        }

        return writer.ToString();
    }

    private static string IdExpression(EntityModel model)
    {
        var id = "entity." + model.IdProperty;
        var access = model.IdIsNullable ? id + "?" : id;
        return model.IdKind switch
        {
            PropertyKind.String => model.IdIsNullable ? id + " ?? string.Empty" : id,
            PropertyKind.Guid => access + ".ToString(\"D\")" + (model.IdIsNullable ? " ?? string.Empty" : string.Empty),
            _ => access + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)" + (model.IdIsNullable ? " ?? string.Empty" : string.Empty),
        };
    }

    /// <summary>
    /// Entities whose flows never create host records may lack a parameterless constructor (the parser reports
    /// SESAM008 when a flow needs one); for them Create explains why it cannot.
    /// </summary>
    private static string CreateExpression(EntityModel model) => model.CanCreate
        ? "new " + model.Header.FullyQualifiedName + "()"
        : "throw new global::System.NotSupportedException(" + Generated.Quote(model.Header.Name + " has no parameterless constructor, so SesamTalk cannot create it from a remote record.") + ")";

    /// <summary>The mapper inputs, one per target.</summary>
    public static System.Collections.Generic.IEnumerable<MapperModel> Mappers(EntityModel model) =>
        model.Targets.Select(target => new MapperModel(model.Header, target));
}
