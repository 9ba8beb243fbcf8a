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
    public static EquatableArray<ConstantModel> Read(ParseContext parse, TargetDeclaration target) =>
        parse.Entity.GetAttributes()
            .Where(a => a.Is(AttributeNames.SyncConstant)
                && AttributeReader.AppliesTo(a.Argument(0), a.Argument(1) ?? string.Empty, target.System, target.Type)
                && a.Argument(2) is not null)
            .Select(a => new ConstantModel(a.Argument(2)!, Literal(a.RawArgument(3))))
            .ToEquatableArray();

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
