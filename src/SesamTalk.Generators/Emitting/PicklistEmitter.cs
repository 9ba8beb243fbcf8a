using System.Collections.Generic;
using System.Linq;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>Emits switch-based enum/picklist conversions for the enums a mapper carries, once per enum type.</summary>
internal static class PicklistEmitter
{
    public static void Write(SourceWriter writer, TargetModel target)
    {
        var enums = target.Fields
            .Where(f => f.ConverterType is null && f.Local.Kind == PropertyKind.Enum)
            .Select(f => f.Local with { IsNullable = true })
            .Distinct();
        foreach (var enumType in enums)
        {
            writer.Line();
            WriteToPicklist(writer, enumType);
            writer.Line();
            WriteFromPicklist(writer, enumType);
        }
    }

    private static void WriteToPicklist(SourceWriter writer, ValueTypeModel enumType)
    {
        writer.Line("private static string? " + ValueExpressions.ToPicklist(enumType) + "(" + enumType.TypeName + "? value) => value switch");
        writer.Line("{");
        writer.Line("    null => null,");
        foreach (var member in enumType.EnumMembers.GroupBy(m => m.Member).Select(g => g.First()))
        {
            writer.Line("    " + enumType.TypeName + "." + Naming.Escaped(member.Member) + " => " + Generated.Quote(member.RemoteValue) + ",");
        }

        writer.Line("    _ => value.Value.ToString(),");
        writer.Line("};");
    }

    private static void WriteFromPicklist(SourceWriter writer, ValueTypeModel enumType)
    {
        var seen = new HashSet<string>();
        var members = enumType.EnumMembers.Where(m => seen.Add(m.RemoteValue)).ToList();
        var expected = string.Join(", ", members.Select(m => "'" + m.RemoteValue + "'"));
        writer.Line("private static " + enumType.TypeName + "? " + ValueExpressions.FromPicklist(enumType) + "(string? value) => value switch");
        writer.Line("{");
        writer.Line("    null => null,");
        if (!seen.Contains(string.Empty))
        {
            writer.Line("    \"\" => null,");
        }

        foreach (var member in members)
        {
            writer.Line("    " + Generated.Quote(member.RemoteValue) + " => " + enumType.TypeName + "." + Naming.Escaped(member.Member) + ",");
        }

        writer.Line("    _ => throw new global::SesamTalk.SyncValueException(" + Generated.Quote("Expected one of " + expected + " but found text \"") + " + value + \"\\\".\"),");
        writer.Line("};");
    }
}
