using System.Text.Json;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// What describe says of one field that decides how Salesforce stores a value written to it: its type, whether a
/// create may set it, whether Salesforce fills or computes it, its scale and its picklist values.
/// </summary>
/// <param name="Name">The field's API name, spelled as describe spells it.</param>
/// <param name="Type">The describe type (<c>string</c>, <c>currency</c>, <c>reference</c>, ...).</param>
/// <param name="Createable">Whether a create may set it.</param>
/// <param name="Nillable">Whether it may hold null.</param>
/// <param name="FilledByServer">
/// Whether Salesforce may fill or compute it whatever a create sends: <c>defaultedOnCreate</c>, a default value or
/// default formula, an auto-number, a formula or roll-up (<c>calculated</c>).
/// </param>
/// <param name="Rewritten">Whether Salesforce rewrites text written to it beyond trimming: rich text (sanitised HTML) and encrypted text (masked on read).</param>
/// <param name="Scale">The number of decimal places describe gives, when it gives them.</param>
/// <param name="PicklistValues">The picklist's defined values.</param>
internal sealed record SalesforceFieldDescribe(
    string Name, string Type, bool Createable, bool Nillable, bool FilledByServer, bool Rewritten, int? Scale, IReadOnlyList<string> PicklistValues)
{
    /// <summary>Reads one element of describe's <c>fields</c>.</summary>
    public static SalesforceFieldDescribe Read(JsonElement field)
    {
        var type = field.GetProperty("type").GetString()!;
        return new SalesforceFieldDescribe(
            field.GetProperty("name").GetString()!,
            type,
            Flag(field, "createable"),
            Flag(field, "nillable"),
            Flag(field, "defaultedOnCreate") || Flag(field, "calculated") || Flag(field, "autoNumber") || HasDefault(field, "defaultValue") || HasDefault(field, "defaultValueFormula"),
            type == "encryptedstring" || Flag(field, "htmlFormatted") || Text(field, "extraTypeInfo") == "richtextarea",
            field.TryGetProperty("scale", out var scale) && scale.ValueKind == JsonValueKind.Number ? scale.GetInt32() : null,
            field.TryGetProperty("picklistValues", out var values) && values.ValueKind == JsonValueKind.Array
                ? [.. values.EnumerateArray().Select(value => Text(value, "value")).OfType<string>()]
                : []);
    }

    /// <summary>Whether describe sets <paramref name="name"/> true.</summary>
    public static bool Flag(JsonElement field, string name) => field.TryGetProperty(name, out var flag) && flag.ValueKind == JsonValueKind.True;

    // A checkbox's "defaultValue": false counts: a create that leaves the field out stores false, not null.
    private static bool HasDefault(JsonElement field, string name) =>
        field.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
