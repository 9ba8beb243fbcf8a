using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>Emits <c>Apply</c>: remote record to entity, one statement a member, naming the record and field on bad input.</summary>
internal static class ApplyEmitter
{
    /// <summary>Catches a failure of the mapping's own code (a value or converter), which is bad input, not a bug.</summary>
    internal const string Catch = "catch (global::System.Exception exception) when (IsBadInput(exception))";

    public static void Write(SourceWriter writer, MapperModel model)
    {
        var entity = model.Entity;
        writer.Line("/// <inheritdoc />");
        using (writer.Open("public override void Apply(global::SesamTalk.SyncRecord record, " + entity.FullyQualifiedName + " entity)"))
        {
            writer.Line("if (record is null) throw new global::System.ArgumentNullException(nameof(record));");
            writer.Line("if (entity is null) throw new global::System.ArgumentNullException(nameof(entity));");
            var fields = model.Target.Fields;
            for (var i = 0; i < fields.Count; i++)
            {
                var field = fields[i];
                if (!field.CanWrite || !field.Direction.FromRemote())
                {
                    continue;
                }

                var local = MapperEmitter.Local(i);
                using (writer.Open("if (record.TryGetValue(" + Generated.Quote(field.Field) + ", out var " + local + "))"))
                {
                    writer.Line("try { " + ValueExpressions.Member("entity", field.Property) + " = " + ValueExpressions.FromSyncValue(field, local) + "; }");
                    writer.Line(Catch + " { throw Fail(record, " + Generated.Quote(field.Field) + ", " + Generated.Quote(field.Property) + ", exception); }");
                }
            }

            var children = model.Target.Children;
            for (var i = 0; i < children.Count; i++)
            {
                WriteChildren(writer, children[i], MapperEmitter.Local(fields.Count + i));
            }
        }
    }

    /// <summary>Sets the collection from the child records (<c>EntityMapper.ApplyChildren</c> pairs them with the existing elements).</summary>
    private static void WriteChildren(SourceWriter writer, ChildModel child, string local)
    {
        var property = ValueExpressions.Member("entity", child.Property);
        var items = "ApplyChildren<" + child.ElementType + ">(record, " + Generated.Quote(child.Field) + ", " + Generated.Quote(child.Property) + ", " + local + ", "
            + property + ", " + child.ElementMapper + ".Instance, " + child.ElementType + ".SyncDefinition.Create)";
        var apply = child.CanWrite
            ? property + " = " + items + (child.IsArray ? ".ToArray();" : ";")
            : "ReplaceChildren(" + property + ", " + items + ");";
        writer.Line("if (record.TryGetValue(" + Generated.Quote(child.Field) + ", out var " + local + ")) " + apply);
    }
}
