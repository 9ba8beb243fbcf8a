using System.Text.RegularExpressions;

namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// The field a SuperOffice validation message names (<c>The mandatory field 'Name' is empty.</c>, <c>… for the field
/// 'Country'.</c>, <c>Contact: Contact id 7 not found</c>); the error body has no field list of its own.
/// </summary>
internal static partial class SuperOfficeErrorFields
{
    public static IReadOnlyList<string> Of(string message) =>
        Pattern().Match(message) is { Success: true } match ? [match.Groups["field"].Value] : [];

    [GeneratedRegex(@"field '(?<field>\w+)'|^(?<field>\w+): \w+ id \d+ not found", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
