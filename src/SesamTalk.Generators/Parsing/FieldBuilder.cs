using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>Builds the field model of one scalar property for one target: name, direction, conflict rule, converter, reference.</summary>
internal static class FieldBuilder
{
    /// <summary>The [Field] attribute for the target: one naming the target's type wins over one naming only the system.</summary>
    public static FieldConfig? FieldAttributeFor(PropertyInfo property, TargetDeclaration target) =>
        property.Fields
            .Where(a => AttributeConfig.AppliesTo(a.System, a.Type, target))
            .OrderBy(a => a.Type is null ? 1 : 0)
            .FirstOrDefault();

    public static FieldModel? Build(ParseContext parse, TargetDeclaration target, PropertyInfo property)
    {
        var attribute = FieldAttributeFor(property, target);
        var location = attribute is null ? property.Location : parse.Where(attribute);
        var local = ValueTypeClassifier.Classify(property.Type);
        var converter = attribute?.Converter;

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
        parse.AddSite(SiteKey.Field(target.System, target.Type, property.Name), location);
        return new FieldModel(
            property.Name,
            Format.Short(property.Type),
            ByName: attribute?.Name is null,
            MaxLength(property),
            attribute?.Name ?? property.Name,
            local ?? remote,
            remote,
            converter is null ? null : Format.TypeWithoutAnnotation(converter),
            direction,
            attribute?.Conflict ?? Conflict.LatestWins,
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
    private static Direction? Direction(ParseContext parse, PropertyInfo property, FieldConfig? attribute, TargetDeclaration target, Location location)
    {
        var direction = attribute?.Direction ?? Model.Direction.Both;
        if (!property.CanWrite && direction.FromRemote())
        {
            if (attribute?.Direction is not null)
            {
                parse.Report(DiagnosticDescriptors.ReadOnlyPropertyFromRemote, location, property.Name, target.System);
                return null;
            }

            direction = Model.Direction.ToRemote;
        }

        return property.CanRead ? direction : Model.Direction.FromRemote;
    }
}
