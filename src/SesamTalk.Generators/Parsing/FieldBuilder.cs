using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>Builds the field model of one scalar property for one target: name, direction, conflict rule, converter, reference.</summary>
internal static class FieldBuilder
{
    private const int DirectionBoth = 0;
    private const int DirectionToRemote = 1;
    private const int DirectionFromRemote = 2;

    /// <summary>The [Field] attribute for the target: one naming the target's type wins over one naming only the system.</summary>
    public static AttributeData? FieldAttributeFor(PropertyInfo property, TargetDeclaration target) =>
        property.AttributesOf(AttributeNames.Field)
            .Where(a => AttributeReader.AppliesTo(a.Argument(0), a.Named<string>("Type"), target.System, target.Type))
            .OrderBy(a => a.Named<string>("Type") is null ? 1 : 0)
            .FirstOrDefault();

    public static FieldModel? Build(ParseContext parse, TargetDeclaration target, PropertyInfo property)
    {
        var attribute = FieldAttributeFor(property, target);
        var location = attribute is null ? property.Location : parse.Where(attribute);
        var local = ValueTypeClassifier.Classify(property.Type);
        var converter = attribute?.Named<INamedTypeSymbol>("Converter");

        ValueTypeModel? remote;
        if (converter is not null)
        {
            remote = ConverterReader.RemoteType(converter, property.Type);
            if (remote is null)
            {
                parse.Report(DiagnosticDescriptors.InvalidConverter, location, Format.Display(converter), property.Name, Format.Display(property.Type));
                return null;
            }
        }
        else if (local is null)
        {
            parse.Report(DiagnosticDescriptors.UnsupportedPropertyType, location, property.Name, Format.Display(property.Type), target.System + "/" + target.Type, target.System);
            return null;
        }
        else
        {
            remote = local;
        }

        if (Direction(parse, property, attribute, target, location) is not { } direction)
        {
            return null;
        }

        var reference = ReferenceReader.Read(parse, property, target);
        parse.AddSite(Site.Field(target.System, target.Type, property.Name), location);
        return new FieldModel(
            property.Name,
            Format.Short(property.Type),
            attribute?.Argument(1) is null,
            MaxLength(property),
            null,
            true,
            true,
            attribute?.Argument(1) ?? property.Name,
            local ?? remote,
            remote,
            converter is null ? null : Format.TypeWithoutAnnotation(converter),
            direction,
            attribute?.NamedInt("Conflict") ?? 0,
            property.CanRead,
            property.CanWrite,
            reference);
    }

    /// <summary>The property's declared text limit, from [MaxLength(n)] or [StringLength(n)].</summary>
    private static int? MaxLength(PropertyInfo property) =>
        property.Attributes
            .Where(a => a.AttributeClass?.ToDisplayString() is "System.ComponentModel.DataAnnotations.MaxLengthAttribute" or "System.ComponentModel.DataAnnotations.StringLengthAttribute")
            .Select(a => a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is int length ? length : (int?)null)
            .FirstOrDefault(length => length is not null);

    /// <summary>
    /// The direction the value really travels: a property without a setter can only send, one without a getter can
    /// only receive. Asking a read-only property to receive explicitly is SESAM106.
    /// </summary>
    private static int? Direction(ParseContext parse, PropertyInfo property, AttributeData? attribute, TargetDeclaration target, Location location)
    {
        var explicitDirection = attribute?.NamedArguments.Any(pair => pair.Key == "Direction") == true;
        var direction = attribute?.NamedInt("Direction") ?? DirectionBoth;
        if (!property.CanWrite && direction != DirectionToRemote)
        {
            if (explicitDirection)
            {
                parse.Report(DiagnosticDescriptors.ReadOnlyPropertyFromRemote, location, property.Name, target.System);
                return null;
            }

            direction = DirectionToRemote;
        }

        return property.CanRead ? direction : DirectionFromRemote;
    }
}
