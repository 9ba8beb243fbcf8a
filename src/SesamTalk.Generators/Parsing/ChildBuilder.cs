using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>Builds the model of a [SyncChildren] collection property for one target.</summary>
internal static class ChildBuilder
{
    private static readonly string[] Collections =
    {
        "global::System.Collections.Generic.List<T>",
        "global::System.Collections.Generic.IList<T>",
        "global::System.Collections.Generic.ICollection<T>",
        "global::System.Collections.Generic.IEnumerable<T>",
        "global::System.Collections.Generic.IReadOnlyList<T>",
        "global::System.Collections.Generic.IReadOnlyCollection<T>",
    };

    private static readonly string[] Mutable = { Collections[0], Collections[1], Collections[2] };

    /// <summary>The child model, or <see langword="null"/> when the attribute is for another target or is invalid.</summary>
    public static ChildModel? Build(ParseContext parse, TargetDeclaration target, PropertyInfo property)
    {
        var attribute = property.Children.FirstOrDefault(a => AttributeConfig.AppliesTo(a.System, a.ParentType, target));
        if (attribute is null)
        {
            return null;
        }

        var childType = attribute.ChildType ?? string.Empty;
        var (element, isArray, isMutable) = Element(property.Type);
        if (element is null || !(property.CanWrite || isMutable) || !property.CanRead)
        {
            parse.Report(DiagnosticDescriptors.UnsupportedPropertyType, parse.Where(attribute), property.Name, Format.Display(property.Type), target.System + "/" + target.Type, target.System);
            return null;
        }

        if (!ReferenceReader.SyncsWithSystem(element, target.System, childType))
        {
            parse.Report(DiagnosticDescriptors.NotAnEntity, parse.Where(attribute), element.Name, target.System + "/" + childType, "\"" + target.System + "\", \"" + childType + "\"");
            return null;
        }

        if (!EntityParser.CanCreate(element))
        {
            parse.Report(DiagnosticDescriptors.NoParameterlessConstructor, parse.Where(attribute), element.Name, target.System);
            return null;
        }

        // A child with errors of its own (reported on it) has no mapper to call; the parent leaves it out.
        if (!EntityParser.Generates(element, parse))
        {
            return null;
        }

        var elementName = Format.TypeWithoutAnnotation(element);
        return new ChildModel(
            property.Name,
            attribute.Field ?? childType,
            attribute.ParentField,
            elementName,
            elementName + "." + Naming.MapperName(target.System, childType),
            isArray,
            property.CanWrite);
    }

    private static (INamedTypeSymbol? Element, bool IsArray, bool IsMutable) Element(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1, ElementType: INamedTypeSymbol arrayElement })
        {
            return (arrayElement, true, false);
        }

        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } named && named.TypeArguments[0] is INamedTypeSymbol element)
        {
            var definition = named.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (Collections.Contains(definition))
            {
                return (element, false, Mutable.Contains(definition));
            }
        }

        return (null, false, false);
    }
}
