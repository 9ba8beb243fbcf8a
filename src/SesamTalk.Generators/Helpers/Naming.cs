using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SesamTalk.Generators.Helpers;

/// <summary>Deterministic names for generated types, members and files.</summary>
internal static class Naming
{
    /// <summary>Keeps letters, digits and underscores; anything else becomes an underscore; a leading digit gets one too.</summary>
    public static string Identifier(string text)
    {
        var builder = new StringBuilder(text.Length + 1);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>An identifier as generated code writes it: a C# keyword (<c>event</c>, <c>class</c>) gets an '@'.</summary>
    public static string Escaped(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>
    /// A hint name part from a metadata name: letters, digits, '_' and '.' stay, anything else ('&lt;' of a file-local
    /// type's name, '+' of a nested type, '`' of a generic one) becomes '_', as <c>AddSource</c> accepts no other.
    /// </summary>
    public static string HintName(string metadataName)
    {
        var builder = new StringBuilder(metadataName.Length);
        foreach (var c in metadataName)
        {
            builder.Append(c == '.' || c == '_' || char.IsLetterOrDigit(c) ? c : (c == '+' ? '.' : '_'));
        }

        return builder.ToString();
    }

    /// <summary>A namespace built from an assembly name: each dot-separated part becomes an identifier.</summary>
    public static string Namespace(string assemblyName)
    {
        var parts = assemblyName.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Identifier(parts[i]);
        }

        return string.Join(".", parts);
    }

    /// <summary>The nested mapper type's name for one target, e.g. <c>SesamTalkSalesforceProduct2Mapper</c>.</summary>
    public static string MapperName(string system, string type) => "SesamTalk" + Identifier(system) + Identifier(type) + "Mapper";

    /// <summary>A plain English plural for typed-client members: Product -> Products, Company -> Companies, Address -> Addresses.</summary>
    public static string Plural(string name)
    {
        if (name.Length > 1 && name.EndsWith("y", System.StringComparison.Ordinal) && "aeiou".IndexOf(name[name.Length - 2]) < 0)
        {
            return name.Substring(0, name.Length - 1) + "ies";
        }

        foreach (var ending in new[] { "s", "x", "z", "ch", "sh" })
        {
            if (name.EndsWith(ending, System.StringComparison.Ordinal))
            {
                return name + "es";
            }
        }

        return name + "s";
    }
}
