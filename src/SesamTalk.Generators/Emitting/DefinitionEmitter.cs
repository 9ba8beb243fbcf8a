using System.Collections.Generic;
using System.Linq;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;
using SesamTalk.Generators.Parsing;

namespace SesamTalk.Generators.Emitting;

/// <summary>Emits the entity's definition (name, id accessor, factory, mappers) and its static <c>SyncDefinition</c> property.</summary>
internal static class DefinitionEmitter
{
    private const string DefinitionName = ReservedNames.DefinitionClass;

    public static string HintName(EntityHeader entity) => entity.HintPrefix + ".g.cs";

    public static string Emit(EntityModel model)
    {
        var entity = model.Header;
        var writer = Generated.File();
        using (new EntityScope(writer, entity))
        {
            writer.Line("/// <summary>What SesamTalk generated for <see cref=\"" + entity.FullyQualifiedName + "\"/>: its name, id, factory and mappers.</summary>");
            writer.Line(Generated.CodeAttribute);
            writer.Line(SyncDefinition(entity) + " => " + DefinitionName + ".Instance;");
            writer.Line();
            writer.Line(Generated.CodeAttribute);
            writer.Line(Generated.HiddenAttribute);
            using (writer.Open("internal " + Generated.New(entity, DefinitionName) + "sealed class " + DefinitionName + " : global::SesamTalk.EntityDefinition<" + entity.FullyQualifiedName + ">"))
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

    /// <summary>
    /// The stand-in definition of an entity with errors: the typed client keeps the entity's member, so the errors are
    /// the only ones the user sees; the build fails on them, so the member never runs.
    /// </summary>
    public static string EmitStub(EntityHeader entity)
    {
        var writer = Generated.File();
        using (new EntityScope(writer, entity))
        {
            writer.Line("/// <summary>SesamTalk reported errors for <see cref=\"" + entity.FullyQualifiedName + "\"/>; their fix generates its definition.</summary>");
            writer.Line(Generated.CodeAttribute);
            writer.Line(SyncDefinition(entity) + " => throw new global::System.InvalidOperationException("
                + Generated.Quote(entity.Name + " has SesamTalk errors (SESAM diagnostics); fix them to generate its definition.") + ");");
        }

        return writer.ToString();
    }

    /// <summary>The mapper inputs, one per target.</summary>
    public static IEnumerable<MapperModel> Mappers(EntityModel model) =>
        model.Targets.Select(target => new MapperModel(model.Header, target));

    private static string SyncDefinition(EntityHeader entity) =>
        "public static " + Generated.New(entity, ReservedNames.SyncDefinition) + "global::SesamTalk.ISyncEntityDefinition<" + entity.FullyQualifiedName + "> " + ReservedNames.SyncDefinition;

    private static string IdExpression(EntityModel model)
    {
        var id = ValueExpressions.Member("entity", model.IdProperty);
        var toString = CarriedKinds.Of(model.IdKind).IdToString ?? string.Empty;
        if (toString.Length == 0)
        {
            return model.IdIsNullable ? id + " ?? string.Empty" : id;
        }

        return model.IdIsNullable ? id + "?" + toString + " ?? string.Empty" : id + toString;
    }

    /// <summary>
    /// Entities whose flows never create host records may lack a parameterless constructor (the parser reports
    /// SESAM008 when a flow needs one); for them Create explains why it cannot.
    /// </summary>
    private static string CreateExpression(EntityModel model) => model.CanCreate
        ? "new " + model.Header.FullyQualifiedName + "()"
        : "throw new global::System.NotSupportedException(" + Generated.Quote(model.Header.Name + " has no parameterless constructor SesamTalk can call, so it cannot create it from a remote record.") + ")";
}
