using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>Decides whether a type is one a generated mapper carries, and how (<see cref="CarriedKinds"/>).</summary>
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

        var kind = inner.TypeKind == TypeKind.Enum
            ? PropertyKind.Enum
            : CarriedKinds.ForType(inner.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))?.Kind;
        if (kind is not { } carried)
        {
            return null;
        }

        var members = carried == PropertyKind.Enum ? EnumMembers(inner) : EquatableArray<EnumMemberModel>.Empty;
        return new ValueTypeModel(carried, nullable, Format.TypeWithoutAnnotation(inner), members);
    }

    private static EquatableArray<EnumMemberModel> EnumMembers(ITypeSymbol enumType) =>
        enumType.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(field => field.HasConstantValue)
            .Select(field => new EnumMemberModel(field.Name, AttributeConfigReader.PicklistValue(field) ?? field.Name))
            .ToEquatableArray();
}
