using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>Decides whether a type is one a generated mapper carries, and how.</summary>
internal static class ValueTypeClassifier
{
    /// <summary>The carried type for <paramref name="type"/>, or <see langword="null"/> when a mapper cannot carry it.</summary>
    public static ValueTypeModel? Classify(ITypeSymbol type)
    {
        var inner = type;
        var nullable = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            inner = wrapper.TypeArguments[0];
            nullable = true;
        }

        if (KindOf(inner) is not { } kind)
        {
            return null;
        }

        var members = kind == PropertyKind.Enum ? EnumMembers(inner) : EquatableArray<EnumMemberModel>.Empty;
        return new ValueTypeModel(kind, nullable, Format.TypeWithoutAnnotation(inner), members);
    }

    private static PropertyKind? KindOf(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return PropertyKind.String;
            case SpecialType.System_Boolean: return PropertyKind.Boolean;
            case SpecialType.System_Int32: return PropertyKind.Int32;
            case SpecialType.System_Int64: return PropertyKind.Int64;
            case SpecialType.System_Decimal: return PropertyKind.Decimal;
            case SpecialType.System_Double: return PropertyKind.Double;
            case SpecialType.System_DateTime: return PropertyKind.DateTime;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return PropertyKind.Enum;
        }

        return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) switch
        {
            "global::System.DateTimeOffset" => PropertyKind.DateTimeOffset,
            "global::System.DateOnly" => PropertyKind.DateOnly,
            "global::System.Guid" => PropertyKind.Guid,
            _ => null,
        };
    }

    private static EquatableArray<EnumMemberModel> EnumMembers(ITypeSymbol enumType) =>
        enumType.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(field => field.HasConstantValue)
            .Select(field => new EnumMemberModel(
                field.Name,
                field.GetAttributes().FirstOrDefault(a => a.Is(AttributeNames.PicklistValue))?.Argument(0) ?? field.Name))
            .ToEquatableArray();
}
