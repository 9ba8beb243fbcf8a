using System.Linq;
using System.Threading;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>
/// Emits one mapper per (entity, system, type), nested in the partial entity so it can reach private accessors:
/// descriptors, <c>ToRecord</c>, <c>Apply</c> and <c>Fingerprint</c>, with no reflection.
/// </summary>
internal static class MapperEmitter
{
    private static readonly string[] Origins = { "Local", "Remote", "Both", "None" };
    private static readonly string[] Directions = { "Both", "ToRemote", "FromRemote" };
    private static readonly string[] Conflicts = { "LatestWins", "LocalWins", "RemoteWins" };

    public static string HintName(MapperModel model) =>
        model.Entity.HintPrefix + "." + Naming.Identifier(model.Target.System) + "." + Naming.Identifier(model.Target.Type) + ".g.cs";

    public static string Emit(MapperModel model, CancellationToken cancellationToken)
    {
        var entity = model.Entity;
        var target = model.Target;
        var writer = Generated.File();
        using (new EntityScope(writer, entity))
        {
            writer.Line("/// <summary>Maps <see cref=\"" + entity.Name + "\"/> to and from " + target.System + " " + target.Type + " records.</summary>");
            writer.Line(Generated.CodeAttribute);
            writer.Line(Generated.HiddenAttribute);
            using (writer.Open("internal sealed class " + target.MapperName + " : global::SesamTalk.IEntityMapper<" + entity.FullyQualifiedName + ">"))
            {
                WriteDescriptors(writer, model);
                writer.Line();
                WriteToRecord(writer, model);
                writer.Line();
                ApplyEmitter.Write(writer, model);
                writer.Line();
                WriteFingerprint(writer, target);
                PicklistEmitter.Write(writer, target);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return writer.ToString();
    }

    private static void WriteDescriptors(SourceWriter writer, MapperModel model)
    {
        var target = model.Target;
        writer.Line("/// <summary>The one instance; mappers are stateless.</summary>");
        writer.Line("public static readonly " + target.MapperName + " Instance = new " + target.MapperName + "();");
        writer.Line();
        writer.Line("private static readonly global::SesamTalk.SyncFieldDescriptor[] s_fields =");
        writer.Line("{");
        foreach (var field in target.Fields)
        {
            writer.Line("    new global::SesamTalk.SyncFieldDescriptor(" + Generated.Quote(field.Property) + ", " + Generated.Quote(field.Field)
                + ", global::SesamTalk.SyncValueKind." + ValueExpressions.SyncKind(field.Remote.Kind)
                + ", global::SesamTalk.FieldDirection." + Directions[field.Direction]
                + ", global::SesamTalk.ConflictRule." + Conflicts[field.Conflict] + "),");
        }

        writer.Line("};");
        writer.Line();
        writer.Line("private static readonly string[] s_matchKeys = { " + string.Join(", ", target.MatchKeys.Select(Generated.Quote)) + (target.MatchKeys.Count > 0 ? " };" : "};"));
        writer.Line();
        writer.Line("private static readonly global::SesamTalk.SyncReferenceDescriptor[] s_references =");
        writer.Line("{");
        foreach (var field in target.Fields.Where(f => f.ReferencedEntity is not null))
        {
            writer.Line("    new global::SesamTalk.SyncReferenceDescriptor(" + Generated.Quote(field.Property) + ", " + Generated.Quote(field.Field)
                + ", " + Generated.Quote(field.ReferencedEntity!) + ", typeof(" + field.ReferencedEntityType + ")),");
        }

        writer.Line("};");
        writer.Line();
        writer.Line("private static readonly global::SesamTalk.SyncChildDescriptor[] s_children =");
        writer.Line("{");
        foreach (var child in target.Children)
        {
            writer.Line("    new global::SesamTalk.SyncChildDescriptor(" + Generated.Quote(child.Property) + ", " + Generated.Quote(child.Field)
                + ", " + (child.ParentField is null ? "null" : Generated.Quote(child.ParentField)) + ", " + child.ElementMapper + ".Instance),");
        }

        writer.Line("};");
        writer.Line();
        writer.Line("private static readonly global::SesamTalk.SyncConstant[] s_constants =");
        writer.Line("{");
        foreach (var constant in target.Constants)
        {
            var value = constant.Literal == "null" ? "global::SesamTalk.SyncValue.Null" : "global::SesamTalk.SyncValue.From(" + constant.Literal + ")";
            writer.Line("    new global::SesamTalk.SyncConstant(" + Generated.Quote(constant.Field) + ", " + value + "),");
        }

        writer.Line("};");
        foreach (var field in target.Fields.Where(f => f.ConverterType is not null))
        {
            writer.Line();
            writer.Line("private static readonly " + field.ConverterType + " " + ValueExpressions.ConverterField(field) + " = new " + field.ConverterType + "();");
        }

        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public global::SesamTalk.SyncTarget Target { get; } = new global::SesamTalk.SyncTarget(" + Generated.Quote(target.System) + ", " + Generated.Quote(target.Type) + ");");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public global::SesamTalk.SyncOrigin Origin => global::SesamTalk.SyncOrigin." + Origins[target.Origin] + ";");
        WriteListProperty(writer, "global::SesamTalk.SyncFieldDescriptor", "Fields", "s_fields");
        WriteListProperty(writer, "string", "MatchKeys", "s_matchKeys");
        WriteListProperty(writer, "global::SesamTalk.SyncReferenceDescriptor", "References", "s_references");
        WriteListProperty(writer, "global::SesamTalk.SyncChildDescriptor", "Children", "s_children");
        WriteListProperty(writer, "global::SesamTalk.SyncConstant", "Constants", "s_constants");
    }

    private static void WriteListProperty(SourceWriter writer, string type, string name, string field)
    {
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public global::System.Collections.Generic.IReadOnlyList<" + type + "> " + name + " => " + field + ";");
    }

    private static void WriteToRecord(SourceWriter writer, MapperModel model)
    {
        writer.Line("/// <inheritdoc />");
        using (writer.Open("public global::SesamTalk.SyncRecord ToRecord(" + model.Entity.FullyQualifiedName + " entity)"))
        {
            writer.Line("if (entity is null) throw new global::System.ArgumentNullException(nameof(entity));");
            writer.Line("var record = new global::SesamTalk.SyncRecord(" + Generated.Quote(model.Target.Type) + ");");
            foreach (var field in model.Target.Fields.Where(f => f.CanRead && f.Direction != 2))
            {
                writer.Line("record[" + Generated.Quote(field.Field) + "] = " + ValueExpressions.ToSyncValue(field) + ";");
            }

            foreach (var child in model.Target.Children)
            {
                using (writer.Open("if (entity." + child.Property + " is { } " + Local(child.Property) + ")"))
                {
                    writer.Line("var children = new global::System.Collections.Generic.List<global::SesamTalk.SyncRecord>();");
                    writer.Line("foreach (var child in " + Local(child.Property) + ") children.Add(" + child.ElementMapper + ".Instance.ToRecord(child));");
                    writer.Line("record[" + Generated.Quote(child.Field) + "] = global::SesamTalk.SyncValue.From(children);");
                }

                writer.Line("else record[" + Generated.Quote(child.Field) + "] = global::SesamTalk.SyncValue.Null;");
            }

            writer.Line("return record;");
        }
    }

    private static void WriteFingerprint(SourceWriter writer, TargetModel target)
    {
        writer.Line("/// <inheritdoc />");
        using (writer.Open("public string Fingerprint(global::SesamTalk.SyncRecord record, global::SesamTalk.FieldDirection direction)"))
        {
            writer.Line("var builder = new global::SesamTalk.SyncFingerprintBuilder();");
            foreach (var field in target.Fields)
            {
                var add = "builder.Add(record, " + Generated.Quote(field.Field) + ", global::SesamTalk.SyncValueKind." + ValueExpressions.SyncKind(field.Remote.Kind) + ");";
                writer.Line(field.Direction == 0 ? add : "if (direction == global::SesamTalk.FieldDirection." + Directions[field.Direction] + ") " + add);
            }

            foreach (var child in target.Children)
            {
                writer.Line("builder.AddChildren(record, " + Generated.Quote(child.Field) + ", direction, " + child.ElementMapper + ".Instance);");
            }

            writer.Line("return builder.ToString();");
        }
    }

    /// <summary>A local variable name from a property name (camel case, '@' guards keywords).</summary>
    public static string Local(string property) => "@" + char.ToLowerInvariant(property[0]) + property.Substring(1);
}
