using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>Checks a [Field(Converter = ...)] type and finds the remote type it converts to.</summary>
internal static class ConverterReader
{
    /// <summary>
    /// The converter's carried remote type when it implements ISyncValueConverter&lt;TProperty, TRemote&gt;, TRemote
    /// is carried (and not an enum), the property's nullability matches TProperty's and it has a public parameterless constructor; otherwise <see langword="null"/>.
    /// </summary>
    public static ValueTypeModel? RemoteType(INamedTypeSymbol converter, ITypeSymbol propertyType)
    {
        var hasConstructor = !converter.IsAbstract
            && converter.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public);
        if (!hasConstructor)
        {
            return null;
        }

        var contract = converter.AllInterfaces.FirstOrDefault(i =>
            Format.MetadataName(i.OriginalDefinition) == AttributeNames.ValueConverter
            && SymbolEqualityComparer.Default.Equals(
                i.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.None),
                propertyType.WithNullableAnnotation(NullableAnnotation.None))
            && NullabilityFits(i.TypeArguments[0], propertyType));
        return contract is not null && ValueTypeClassifier.Classify(contract.TypeArguments[1]) is { Kind: not PropertyKind.Enum } remote
            ? remote
            : null;
    }

    /// <summary>
    /// A converter for <c>string</c> cannot take a <c>string?</c> property (it would be handed null), and one for
    /// <c>string?</c> cannot fill a <c>string</c> property (it may return null); oblivious code fits either.
    /// </summary>
    private static bool NullabilityFits(ITypeSymbol converterLocal, ITypeSymbol propertyType) =>
        converterLocal.NullableAnnotation == NullableAnnotation.None
        || propertyType.NullableAnnotation == NullableAnnotation.None
        || converterLocal.NullableAnnotation == propertyType.NullableAnnotation;
}
