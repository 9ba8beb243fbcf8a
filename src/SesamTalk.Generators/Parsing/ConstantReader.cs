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
        var constants = parse.Entity.GetAttributes()
            .Where(a => a.Is(AttributeNames.SyncConstant)
                && AttributeReader.AppliesTo(a.Argument(0), a.Argument(1) ?? string.Empty, target.System, target.Type)
                && a.Argument(2) is not null)
            .ToList();
        foreach (var constant in constants)
        {
            parse.AddSite(Site.Constant(target.System, target.Type, constant.Argument(2)!), parse.Where(constant));
        }

        return constants.Select(a => new ConstantModel(a.Argument(2)!, Literal(a.RawArgument(3)), Kind(a.RawArgument(3)))).ToEquatableArray();
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
