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
    /// Sets the collection from the child records, each applied over the existing element it pairs with (by the child
    /// mapping's match key, else by position), so what this mapping does not carry (the line's own id, fields another
    /// system owns) stays on the element it belongs to. Unpaired records become new elements; elements no record pairs
    /// with were removed on the other side and are left out.
    /// </summary>
    private static void WriteChildren(SourceWriter writer, ChildModel child)
    {
        var local = MapperEmitter.Local(child.Property);
        using (writer.Open("if (record.TryGetValue(" + Generated.Quote(child.Field) + ", out var " + local + "))"))
        {
            writer.Line("global::System.Collections.Generic.IReadOnlyList<global::SesamTalk.SyncRecord> _childRecords;");
            writer.Line("try { _childRecords = " + local + ".AsRecords() ?? global::System.Array.Empty<global::SesamTalk.SyncRecord>(); }");
            writer.Line(Catch + " { throw Fail(record, " + Generated.Quote(child.Field) + ", " + Generated.Quote(child.Property) + ", exception); }");
            writer.Line("var _existing = entity." + child.Property + " is { } _current ? new global::System.Collections.Generic.List<" + child.ElementType + ">(_current) : new global::System.Collections.Generic.List<" + child.ElementType + ">();");
            writer.Line("var _pairs = PairChildren(_childRecords, _existing, " + child.ElementMapper + ".Instance);");
            writer.Line("var _items = new global::System.Collections.Generic.List<" + child.ElementType + ">(_childRecords.Count);");
            using (writer.Open("for (var _index = 0; _index < _childRecords.Count; _index++)"))
            {
                writer.Line("var _item = _pairs[_index] >= 0 ? _existing[_pairs[_index]] : " + child.ElementType + ".SyncDefinition.Create();");
                writer.Line(child.ElementMapper + ".Instance.Apply(_childRecords[_index], _item);");
                writer.Line("_items.Add(_item);");
            }

            if (child.CanWrite)
            {
                writer.Line("entity." + child.Property + " = _items" + (child.IsArray ? ".ToArray();" : ";"));
            }
            else
            {
                writer.Line("entity." + child.Property + ".Clear();");
                writer.Line("foreach (var _item in _items) entity." + child.Property + ".Add(_item);");
            }
        }
    }
}
