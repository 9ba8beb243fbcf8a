using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Parsing;

/// <summary>Reads an enum-typed attribute argument by the name of the member it holds, never by its number.</summary>
internal static class EnumArgument
{
    /// <summary>
    /// The member of <typeparamref name="TEnum"/> named like the argument's member of its own enum type, or
    /// <see langword="null"/> when the value is no named member (<c>(FieldDirection)3</c>) or a name the generator
    /// does not know.
    /// </summary>
    public static TEnum? Read<TEnum>(TypedConstant constant)
        where TEnum : struct
    {
        var name = constant.Type?.GetMembers()
            .OfType<IFieldSymbol>()
            .FirstOrDefault(field => field.HasConstantValue && Equals(field.ConstantValue, constant.Value))
            ?.Name;
        return name is not null && Enum.GetNames(typeof(TEnum)).Contains(name, StringComparer.Ordinal)
            ? (TEnum)Enum.Parse(typeof(TEnum), name)
            : null;
    }

    /// <summary>The argument as the user wrote it, for messages: the member name, or the number when none has it.</summary>
    public static string Display(TypedConstant constant) =>
        constant.Type?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value)) is { } member
            ? constant.Type.Name + "." + member.Name
            : "(" + constant.Type?.Name + ")" + Convert.ToString(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
}
