using System.Globalization;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>
/// Reads JSON numbers by their text, whatever .NET type a node was built from (parsed JSON, or an <c>int</c> or
/// <c>decimal</c> a test seeded), so 9, 9.0 and 9.00 are one value.
/// </summary>
internal static class JsonNumber
{
    /// <summary>The number, or null when it is beyond <see cref="decimal"/> (e.g. 1e400).</summary>
    public static decimal? Read(JsonNode number) =>
        decimal.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool Equal(JsonNode left, JsonNode right) => Read(left) is { } a && Read(right) is { } b && a == b;

    public static bool IsWhole(JsonNode number, decimal min, decimal max) =>
        Read(number) is { } value && value == decimal.Truncate(value) && value >= min && value <= max;
}
