using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>
/// Emits one mapper per (entity, system, type), nested in the partial entity so it can reach private accessors:
/// descriptors, <c>ToRecord</c>, <c>Apply</c> and <c>FingerprintOf</c>, with no reflection. Enum members are
/// emitted by the names of the generator's own enums, which match SesamTalk's by name.
/// </summary>
internal static class MapperEmitter
{
    public static string HintName(MapperModel model) =>
        model.Entity.HintPrefix + "." + Naming.Identifier(model.Target.System) + "." + Naming.Identifier(model.Target.Type) + ".g.cs";

    public static string Emit(MapperModel model, CancellationToken cancellationToken)
    {
        var entity = model.Entity;
        var target = model.Target;
        var writer = Generated.File();
        using (new EntityScope(writer, entity))
        {
            writer.Line("/// <summary>Maps <see cref=\"" + entity.FullyQualifiedName + "\"/> to and from " + Generated.Comment(target.System + " " + target.Type) + " records.</summary>");
            writer.Line(Generated.CodeAttribute);
            writer.Line(Generated.HiddenAttribute);
            using (writer.Open("internal " + Generated.New(entity, target.MapperName) + "sealed class " + target.MapperName + " : global::SesamTalk.EntityMapper<" + entity.FullyQualifiedName + ">"))
            {
                DescriptorEmitter.Write(writer, model);
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

    /// <summary>
    /// The local variable for the i-th field or child of a target. Numbered rather than named after the property, so
    /// no property name (<c>Record</c>, <c>Entity</c>, a keyword) can clash with a parameter or another local.
    /// </summary>
    public static string Local(int index) => "_value" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteToRecord(SourceWriter writer, MapperModel model)
    {
        writer.Line("/// <inheritdoc />");
        using (writer.Open("public override global::SesamTalk.SyncRecord ToRecord(" + model.Entity.FullyQualifiedName + " entity)"))
        {
            writer.Line("if (entity is null) throw new global::System.ArgumentNullException(nameof(entity));");
            writer.Line("var record = new global::SesamTalk.SyncRecord(" + Generated.Quote(model.Target.Type) + ");");
            // Fields that travel to the remote system, and match keys that only come from it: the host's value still
            // finds the pre-existing remote record (an ERP order that already holds the Salesforce order number).
            foreach (var field in model.Target.Fields.Where(f => f.CanRead && (f.Direction.ToRemote() || model.Target.MatchKeys.Contains(f.Field))))
            {
                var assign = "record[" + Generated.Quote(field.Field) + "] = " + ValueExpressions.ToSyncValue(field) + ";";
                // A converter is the host's own code and may refuse a value: that is bad input naming the field.
                writer.Line(field.ConverterType is null
                    ? assign
                    : "try { " + assign + " } " + ApplyEmitter.Catch + " { throw Fail(record, " + Generated.Quote(field.Field) + ", " + Generated.Quote(field.Property) + ", exception); }");
            }

            foreach (var child in model.Target.Children)
            {
                writer.Line("record[" + Generated.Quote(child.Field) + "] = ChildRecords(" + ValueExpressions.Member("entity", child.Property) + ", " + child.ElementMapper + ".Instance);");
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
                writer.Line(field.Direction == Direction.Both ? add : "if (direction == global::SesamTalk.FieldDirection." + field.Direction + ") " + add);
            }

            foreach (var child in target.Children)
            {
                writer.Line("builder.AddChildren(record, " + Generated.Quote(child.Field) + ", direction, " + child.ElementMapper + ".Instance);");
            }

            writer.Line("return builder.ToFingerprint();");
        }
    }
}
