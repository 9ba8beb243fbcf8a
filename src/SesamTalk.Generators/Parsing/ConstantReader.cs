using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>Reads the class's [SyncConstant] attributes for one target into C# literals.</summary>
internal static class ConstantReader
{
    public static EquatableArray<ConstantModel> Read(ParseContext parse, TargetDeclaration target)
    {
        var constants = parse.Configs.OfType<SyncConstantConfig>()
            .Where(a => AttributeConfig.AppliesTo(a.System, a.Type ?? string.Empty, target) && a.Field is not null)
            .ToList();
        foreach (var constant in constants)
        {
            parse.AddSite(SiteKey.Constant(target.System, target.Type, constant.Field!), parse.Where(constant));
        }

        return constants.Select(a => new ConstantModel(a.Field!, Literal(a.Value), Kind(a.Value))).ToEquatableArray();
    }

    /// <summary>The carried kind of the constant's value, for type checks against the catalog (null for null).</summary>
    private static PropertyKind? Kind(TypedConstant? constant) => constant?.Value switch
    {
        bool => PropertyKind.Boolean,
        int or long => PropertyKind.Int64,
        double or float => PropertyKind.Double,
        string => PropertyKind.String,
        _ => null,
    };

    /// <summary>A culture-invariant C# literal for the attribute's object argument.</summary>
    private static string Literal(TypedConstant? constant) => constant?.Value switch
    {
        null => "null",
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        double number => number.ToString("R", CultureInfo.InvariantCulture) + "d",
        float number => ((double)number).ToString("R", CultureInfo.InvariantCulture) + "d",
        var other => SymbolDisplay.FormatLiteral(System.Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty, quote: true),
    };
}
