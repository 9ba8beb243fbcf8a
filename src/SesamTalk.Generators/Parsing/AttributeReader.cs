using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Parsing;

/// <summary>Reads SesamTalk attribute data: names, constructor arguments, named arguments and locations.</summary>
internal static class AttributeReader
{
    public static bool Is(this AttributeData attribute, string metadataName) =>
        attribute.AttributeClass is { } type && Format.MetadataName(type) == metadataName;

    public static string? Argument(this AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;

    public static TypedConstant? RawArgument(this AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index] : null;

    public static T? Named<T>(this AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is T value)
            {
                return value;
            }
        }

        return default;
    }

    public static int NamedInt(this AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(pair => pair.Key == name).Value.Value is int value ? value : 0;

    public static Location? Location(this AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    /// <summary>Whether the attribute applies to (system, type): its system matches, and its type is absent or matches.</summary>
    public static bool AppliesTo(string? system, string? type, string targetSystem, string targetType) =>
        system is not null
        && string.Equals(system, targetSystem, System.StringComparison.OrdinalIgnoreCase)
        && (type is null || string.Equals(type, targetType, System.StringComparison.OrdinalIgnoreCase));
}
