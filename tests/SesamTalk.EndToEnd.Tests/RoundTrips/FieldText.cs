using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>
/// A field value as comparable text, whatever the system's JSON form: strings as they are, numbers without trailing
/// zeros (24.90 and 24.9 alike), booleans as <c>true</c>/<c>false</c>, null and empty alike (as the engine treats them).
/// </summary>
internal static class FieldText
{
    public static string? Of(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => node.GetValue<string>() is { Length: > 0 } text ? text : null,
        JsonValueKind.Number => Number(decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };

    public static string Number(decimal value) =>
        (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
