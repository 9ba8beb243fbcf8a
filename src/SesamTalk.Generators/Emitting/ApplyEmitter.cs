using System.Linq;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>Emits <c>Apply</c>: remote record to entity, field by field, naming the record and field on bad input.</summary>
internal static class ApplyEmitter
{
    private const string Catch = "catch (global::System.Exception exception) when (IsBadInput(exception))";

    public static void Write(SourceWriter writer, MapperModel model)
    {
        var entity = model.Entity;
        writer.Line("/// <inheritdoc />");
        using (writer.Open("public override void Apply(global::SesamTalk.SyncRecord record, " + entity.FullyQualifiedName + " entity)"))
        {
            writer.Line("if (record is null) throw new global::System.ArgumentNullException(nameof(record));");
            writer.Line("if (entity is null) throw new global::System.ArgumentNullException(nameof(entity));");
            foreach (var field in model.Target.Fields.Where(f => f.CanWrite && f.Direction != 1))
            {
                var local = MapperEmitter.Local(field.Property);
                using (writer.Open("if (record.TryGetValue(" + Generated.Quote(field.Field) + ", out var " + local + "))"))
                {
                    writer.Line("try { entity." + field.Property + " = " + ValueExpressions.FromSyncValue(field, local) + "; }");
                    writer.Line(Catch + " { throw Fail(record, " + Generated.Quote(field.Field) + ", " + Generated.Quote(field.Property) + ", exception); }");
                }
            }

            foreach (var child in model.Target.Children)
            {
                WriteChildren(writer, child);
            }
        }
    }

    /// <summary>
    /// Sets the collection from the child records, matched to the existing elements by position: a system keeps an
    /// order's lines in order, so what this mapping does not carry (the line's own id, fields another system owns)
    /// survives on the element it belongs to. Extra records become new elements; missing ones drop the tail.
    /// </summary>
    private static void WriteChildren(SourceWriter writer, ChildModel child)
    {
        var local = MapperEmitter.Local(child.Property);
        using (writer.Open("if (record.TryGetValue(" + Generated.Quote(child.Field) + ", out var " + local + "))"))
        {
            writer.Line("global::System.Collections.Generic.IReadOnlyList<global::SesamTalk.SyncRecord>? childRecords;");
            writer.Line("try { childRecords = " + local + ".AsRecords(); }");
            writer.Line(Catch + " { throw Fail(record, " + Generated.Quote(child.Field) + ", " + Generated.Quote(child.Property) + ", exception); }");
            writer.Line("var existing = entity." + child.Property + " is { } current ? new global::System.Collections.Generic.List<" + child.ElementType + ">(current) : new global::System.Collections.Generic.List<" + child.ElementType + ">();");
            writer.Line("var items = new global::System.Collections.Generic.List<" + child.ElementType + ">();");
            using (writer.Open("foreach (var childRecord in childRecords ?? global::System.Array.Empty<global::SesamTalk.SyncRecord>())"))
            {
                writer.Line("var item = items.Count < existing.Count ? existing[items.Count] : " + child.ElementType + ".SyncDefinition.Create();");
                writer.Line(child.ElementMapper + ".Instance.Apply(childRecord, item);");
                writer.Line("items.Add(item);");
            }

            if (child.CanWrite)
            {
                writer.Line("entity." + child.Property + " = items" + (child.IsArray ? ".ToArray();" : ";"));
            }
            else
            {
                writer.Line("entity." + child.Property + ".Clear();");
                writer.Line("foreach (var item in items) entity." + child.Property + ".Add(item);");
            }
        }
    }
}
