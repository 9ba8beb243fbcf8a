using System.Linq;
using System.Threading;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>
/// Emits one mapper per (entity, system, type), nested in the partial entity so it can reach private accessors:
/// descriptors, <c>ToRecord</c>, <c>Apply</c> and <c>FingerprintOf</c>, with no reflection.
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
            using (writer.Open("internal sealed class " + target.MapperName + " : global::SesamTalk.EntityMapper<" + entity.FullyQualifiedName + ">"))
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
        foreach (var field in target.Fields.Where(f => f.ConverterType is not null))
        {
            writer.Line();
            writer.Line("private static readonly " + field.ConverterType + " " + ValueExpressions.ConverterField(field) + " = new " + field.ConverterType + "();");
        }

        writer.Line();
        writer.Line("private " + target.MapperName + "()");
        writer.Line("    : base(");
        writer.Line("        " + Generated.Quote(model.Entity.Name) + ",");
        writer.Line("        new global::SesamTalk.SyncTarget(" + Generated.Quote(target.System) + ", " + Generated.Quote(target.Type) + "),");
        writer.Line("        global::SesamTalk.SyncOrigin." + Origins[target.Origin] + ",");
        WriteArray(writer, "global::SesamTalk.SyncFieldDescriptor", target.Fields.Select(field =>
            "new global::SesamTalk.SyncFieldDescriptor(" + Generated.Quote(field.Property) + ", " + Generated.Quote(field.Field)
            + ", global::SesamTalk.SyncValueKind." + ValueExpressions.SyncKind(field)
            + ", global::SesamTalk.FieldDirection." + Directions[field.Direction]
            + ", global::SesamTalk.ConflictRule." + Conflicts[field.Conflict]
            + ", " + Generated.Quote(field.PropertyType) + ", " + Generated.QuoteOrNull(field.RemoteType)
            + ", " + Bool(field.RemoteCreateable) + ", " + Bool(field.RemoteUpdateable) + ")"));
        WriteArray(writer, "string", target.MatchKeys.Select(Generated.Quote));
        WriteArray(writer, "global::SesamTalk.SyncReferenceDescriptor", target.Fields.Where(f => f.Reference is not null).Select(field =>
            "new global::SesamTalk.SyncReferenceDescriptor(" + Generated.Quote(field.Property) + ", " + Generated.Quote(field.Field)
            + ", " + Generated.Quote(field.Reference!.Entity) + ", typeof(" + field.Reference.EntityType + "), "
            + Generated.QuoteOrNull(field.Reference.TargetType) + ")"));
        WriteArray(writer, "global::SesamTalk.SyncChildDescriptor", target.Children.Select(child =>
            "new global::SesamTalk.SyncChildDescriptor(" + Generated.Quote(child.Property) + ", " + Generated.Quote(child.Field)
            + ", " + Generated.QuoteOrNull(child.ParentField) + ", " + child.ElementMapper + ".Instance)"));
        WriteArray(writer, "global::SesamTalk.SyncConstant", target.Constants.Select(constant =>
            "new global::SesamTalk.SyncConstant(" + Generated.Quote(constant.Field) + ", "
            + (constant.Literal == "null" ? "global::SesamTalk.SyncValue.Null" : "global::SesamTalk.SyncValue.From(" + constant.Literal + ")") + ")"),
            last: true);
        writer.Line("{");
        writer.Line("}");
    }

    /// <summary>One constructor argument: an array of descriptors, one per line, or an empty array.</summary>
    private static void WriteArray(SourceWriter writer, string type, System.Collections.Generic.IEnumerable<string> items, bool last = false)
    {
        var list = items.ToList();
        var end = last ? ")" : ",";
        if (list.Count == 0)
        {
            writer.Line("        global::System.Array.Empty<" + type + ">()" + end);
            return;
        }

        writer.Line("        new " + type + "[]");
        writer.Line("        {");
        foreach (var item in list)
        {
            writer.Line("            " + item + ",");
        }

        writer.Line("        }" + end);
    }

    private static void WriteToRecord(SourceWriter writer, MapperModel model)
    {
        writer.Line("/// <inheritdoc />");
        using (writer.Open("public override global::SesamTalk.SyncRecord ToRecord(" + model.Entity.FullyQualifiedName + " entity)"))
        {
            writer.Line("if (entity is null) throw new global::System.ArgumentNullException(nameof(entity));");
            writer.Line("var record = new global::SesamTalk.SyncRecord(" + Generated.Quote(model.Target.Type) + ");");
            // Fields that travel to the remote system, and match keys that only come from it: the host's value still
            // finds the pre-existing remote record (an ERP order that already holds the Salesforce order number).
            foreach (var field in model.Target.Fields.Where(f => f.CanRead && (f.Direction != 2 || model.Target.MatchKeys.Contains(f.Field))))
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
        using (writer.Open("public override global::SesamTalk.SyncFingerprint FingerprintOf(global::SesamTalk.SyncRecord record, global::SesamTalk.FieldDirection direction)"))
        {
            writer.Line("var builder = new global::SesamTalk.SyncFingerprintBuilder();");
            foreach (var field in target.Fields)
            {
                var add = "builder.Add(record, " + Generated.Quote(field.Field) + ", global::SesamTalk.SyncValueKind." + ValueExpressions.SyncKind(field) + ");";
                writer.Line(field.Direction == 0 ? add : "if (direction == global::SesamTalk.FieldDirection." + Directions[field.Direction] + ") " + add);
            }

            foreach (var child in target.Children)
            {
                writer.Line("builder.AddChildren(record, " + Generated.Quote(child.Field) + ", direction, " + child.ElementMapper + ".Instance);");
            }

            writer.Line("return builder.ToFingerprint();");
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A local variable name from a property name (camel case, '@' guards keywords).</summary>
    public static string Local(string property) => "@" + char.ToLowerInvariant(property[0]) + property.Substring(1);
}
