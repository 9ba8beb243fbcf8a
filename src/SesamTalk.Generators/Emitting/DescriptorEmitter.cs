using System.Collections.Generic;
using System.Linq;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>
/// Emits a mapper's instance, converters and constructor. The constructor sets the descriptors declaratively, one
/// object initializer a member (as System.Text.Json's generator does), so a new descriptor property does not break
/// code an older generator emitted.
/// </summary>
internal static class DescriptorEmitter
{
    public static void Write(SourceWriter writer, MapperModel model)
    {
        var target = model.Target;
        writer.Line("/// <summary>The one instance; mappers are stateless.</summary>");
        writer.Line("public static readonly " + target.MapperName + " Instance = new " + target.MapperName + "();");
        foreach (var field in target.Fields.Where(f => f.ConverterType is not null))
        {
            writer.Line();
            writer.Line("private static readonly " + field.ConverterType + " " + ValueExpressions.ConverterField(field) + " = new " + field.ConverterType + "();");
        }

        writer.Line();
        writer.Line("private " + target.MapperName + "()");
        using (writer.Open("    : base(" + Generated.Quote(model.Entity.Name) + ", new global::SesamTalk.SyncTarget(" + Generated.Quote(target.System) + ", " + Generated.Quote(target.Type) + "))"))
        {
            writer.Line("Origin = global::SesamTalk.SyncOrigin." + target.Origin + ";");
            WriteList(writer, "Fields", "global::SesamTalk.SyncFieldDescriptor", target.Fields.Select(Field));
            WriteList(writer, "MatchKeys", "string", target.MatchKeys.Select(Generated.Quote));
            WriteList(writer, "References", "global::SesamTalk.SyncReferenceDescriptor", target.Fields.Where(f => f.Reference is not null).Select(Reference));
            WriteList(writer, "Children", "global::SesamTalk.SyncChildDescriptor", target.Children.Select(Child));
            WriteList(writer, "Constants", "global::SesamTalk.SyncConstant", target.Constants.Select(Constant));
        }
    }

    private static string Field(FieldModel field) =>
        "new() { Property = " + Generated.Quote(field.Property) + ", Field = " + Generated.Quote(field.Field)
        + ", Kind = global::SesamTalk.SyncValueKind." + ValueExpressions.SyncKind(field)
        + ", Direction = global::SesamTalk.FieldDirection." + field.Direction
        + ", Conflict = global::SesamTalk.ConflictRule." + field.Conflict
        + ", PropertyType = " + Generated.Quote(field.PropertyType)
        + (field.Catalog is { } catalog
            ? ", RemoteType = " + Generated.Quote(catalog.Type) + ", Createable = " + Bool(catalog.Createable) + ", Updateable = " + Bool(catalog.Updateable)
            : string.Empty)
        + " }";

    private static string Reference(FieldModel field) =>
        "new() { Property = " + Generated.Quote(field.Property) + ", Field = " + Generated.Quote(field.Field)
        + ", Entity = " + Generated.Quote(field.Reference!.Entity) + ", EntityType = typeof(" + field.Reference.EntityType + ")"
        + (field.Reference.TargetType is { } type ? ", TargetType = " + Generated.Quote(type) : string.Empty)
        + " }";

    private static string Child(ChildModel child) =>
        "new() { Property = " + Generated.Quote(child.Property) + ", Field = " + Generated.Quote(child.Field)
        + (child.ParentField is { } parent ? ", ParentField = " + Generated.Quote(parent) : string.Empty)
        + ", Mapper = " + child.ElementMapper + ".Instance }";

    private static string Constant(ConstantModel constant) =>
        "new() { Field = " + Generated.Quote(constant.Field) + ", Value = "
        + (constant.Literal == "null" ? "global::SesamTalk.SyncValue.Null" : "global::SesamTalk.SyncValue.From(" + constant.Literal + ")") + " }";

    /// <summary>One descriptor list, one element a line; an empty list is left to the base class's default.</summary>
    private static void WriteList(SourceWriter writer, string property, string type, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        writer.Line(property + " = new " + type + "[]");
        writer.Line("{");
        foreach (var item in list)
        {
            writer.Line("    " + item + ",");
        }

        writer.Line("};");
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
