using System.Threading;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>
/// The one place that knows SesamTalk's attributes by metadata name, constructor position and property name, and
/// turns each into its <see cref="AttributeConfig"/>.
/// </summary>
internal static class AttributeConfigReader
{
    /// <summary>The typed configuration of <paramref name="attribute"/>, or null when it is no SesamTalk attribute this reader knows.</summary>
    public static AttributeConfig? Read(AttributeData attribute)
    {
        if (attribute.AttributeClass is not { } type)
        {
            return null;
        }

        var config = Format.MetadataName(type) switch
        {
            AttributeNames.SyncsWith => new SyncsWithConfig(attribute, Text(attribute, 0), Text(attribute, 1), Enum(attribute, "Origin", Origin.Local)),
            AttributeNames.SyncConstant => new SyncConstantConfig(attribute, Text(attribute, 0), Text(attribute, 1), Text(attribute, 2), Argument(attribute, 3)),
            AttributeNames.Field => new FieldConfig(
                attribute, Text(attribute, 0), Text(attribute, 1), NamedText(attribute, "Type"), OptionalEnum<Direction>(attribute, "Direction"),
                Enum(attribute, "Conflict", Conflict.LatestWins), Named(attribute, "Converter")?.Value as INamedTypeSymbol),
            AttributeNames.SyncIgnore => new SyncIgnoreConfig(attribute, Text(attribute, 0), NamedText(attribute, "Type")),
            AttributeNames.MatchKey => new MatchKeyConfig(attribute, NamedText(attribute, "System"), NamedText(attribute, "Type")),
            AttributeNames.References => new ReferencesConfig(attribute, Argument(attribute, 0)?.Value as INamedTypeSymbol, NamedText(attribute, "Type")),
            AttributeNames.SyncChildren => new SyncChildrenConfig(
                attribute, Text(attribute, 0), Text(attribute, 1), NamedText(attribute, "Field"), NamedText(attribute, "ParentField"), NamedText(attribute, "ParentType")),
            AttributeNames.SyncId => new SyncIdConfig(attribute),
            _ => (AttributeConfig?)null,
        };

        if (config is not null)
        {
            AddUndefined(config, attribute);
        }

        return config;
    }

    /// <summary>The remote value a [PicklistValue("...")] on an enum member names, or null.</summary>
    public static string? PicklistValue(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && Format.MetadataName(type) == AttributeNames.PicklistValue)
            {
                return Text(attribute, 0);
            }
        }

        return null;
    }

    /// <summary>Where the attribute was applied, when it was applied in source.</summary>
    public static Location? Location(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static void AddUndefined(AttributeConfig config, AttributeData attribute)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Value.Kind == TypedConstantKind.Enum && !IsDefinedMember(pair.Key, pair.Value))
            {
                config.UndefinedValues.Add(pair.Key + " = " + EnumArgument.Display(pair.Value));
            }
        }
    }

    private static bool IsDefinedMember(string name, TypedConstant value) => name switch
    {
        "Origin" => EnumArgument.Read<Origin>(value) is not null,
        "Direction" => EnumArgument.Read<Direction>(value) is not null,
        "Conflict" => EnumArgument.Read<Conflict>(value) is not null,
        _ => true,
    };

    private static TypedConstant? Argument(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index] : null;

    private static string? Text(AttributeData attribute, int index) => Argument(attribute, index)?.Value as string;

    private static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static string? NamedText(AttributeData attribute, string name) => Named(attribute, name)?.Value as string;

    private static TEnum? OptionalEnum<TEnum>(AttributeData attribute, string name)
        where TEnum : struct =>
        Named(attribute, name) is { } value ? EnumArgument.Read<TEnum>(value) : null;

    private static TEnum Enum<TEnum>(AttributeData attribute, string name, TEnum fallback)
        where TEnum : struct =>
        OptionalEnum<TEnum>(attribute, name) ?? fallback;
}

/// <summary>[SyncId] on a property.</summary>
internal sealed class SyncIdConfig(AttributeData data) : AttributeConfig(data);
