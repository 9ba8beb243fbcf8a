using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>The C# expressions that move one carried value between a property and a <c>SyncValue</c>.</summary>
internal static class ValueExpressions
{
    /// <summary><c>SyncValue.From(...)</c> of the property's value, through the converter or picklist helper.</summary>
    public static string ToSyncValue(FieldModel field)
    {
        var value = "entity." + field.Property;
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
            : variable + "." + Accessor(remote.Kind) + "()";
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
    public static string SyncKind(FieldModel field) => field.Reference is not null ? "String" : SyncKind(field.Remote.Kind);

    private static string SyncKind(PropertyKind kind) => kind switch
    {
        PropertyKind.String or PropertyKind.Guid or PropertyKind.Enum => "String",
        PropertyKind.Boolean => "Boolean",
        PropertyKind.DateTimeOffset or PropertyKind.DateTime => "DateTime",
        PropertyKind.DateOnly => "Date",
        _ => "Number",
    };

    private static string Accessor(PropertyKind kind) => kind switch
    {
        PropertyKind.String => "AsString",
        PropertyKind.Boolean => "AsBoolean",
        PropertyKind.Int32 => "AsInt32",
        PropertyKind.Int64 => "AsInt64",
        PropertyKind.Decimal => "AsDecimal",
        PropertyKind.Double => "AsDouble",
        PropertyKind.DateTimeOffset => "AsDateTimeOffset",
        PropertyKind.DateTime => "AsDateTime",
        PropertyKind.DateOnly => "AsDateOnly",
        _ => "AsGuid",
    };

    private static string EnumSuffix(ValueTypeModel enumType) =>
        "_" + Naming.Identifier(enumType.TypeName.Replace("global::", string.Empty));
}
