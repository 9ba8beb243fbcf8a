using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>The C# expressions that move one carried value between a property and a <c>SyncValue</c>.</summary>
internal static class ValueExpressions
{
    /// <summary><c>entity.Property</c>, with a keyword property name escaped.</summary>
    public static string Member(string owner, string property) => owner + "." + Naming.Escaped(property);

    /// <summary><c>SyncValue.From(...)</c> of the property's value, through the converter or picklist helper.</summary>
    public static string ToSyncValue(FieldModel field)
    {
        var value = Member("entity", field.Property);
        if (field.ConverterType is not null)
        {
            value = ConverterField(field) + ".ToRemote(" + value + ")";
        }
        else if (field.Local.Kind == PropertyKind.Enum)
        {
            value = ToPicklist(field.Local) + "(" + value + ")";
        }

        return "global::SesamTalk.SyncValue.From(" + value + ")";
    }

    /// <summary>The property's new value read from the SyncValue <paramref name="variable"/>.</summary>
    public static string FromSyncValue(FieldModel field, string variable)
    {
        var remote = field.Remote;
        var read = remote.Kind == PropertyKind.Enum
            ? FromPicklist(remote) + "(" + variable + ".AsString())"
            : variable + "." + CarriedKinds.Of(remote.Kind).Accessor + "()";
        if (!remote.IsNullable)
        {
            read = "(" + read + (remote.Kind == PropertyKind.String ? " ?? string.Empty)" : " ?? default)");
        }

        return field.ConverterType is null ? read : ConverterField(field) + ".ToLocal(" + read + ")";
    }

    public static string ConverterField(FieldModel field) => "s_converter" + field.Property;

    public static string ToPicklist(ValueTypeModel enumType) => "ToPicklist" + EnumSuffix(enumType);

    public static string FromPicklist(ValueTypeModel enumType) => "FromPicklist" + EnumSuffix(enumType);

    /// <summary>The <c>SyncValueKind</c> member name of a field: ids of referenced records are text, whatever the host's id type.</summary>
    public static string SyncKind(FieldModel field) => field.Reference is not null ? "String" : CarriedKinds.Of(field.Remote.Kind).SyncValueKind;

    private static string EnumSuffix(ValueTypeModel enumType) =>
        "_" + Naming.Identifier(enumType.TypeName.Replace("global::", string.Empty));
}
