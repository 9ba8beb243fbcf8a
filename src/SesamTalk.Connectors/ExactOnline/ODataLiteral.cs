using System.Globalization;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>OData v2 literals for Exact's <c>$filter</c>: <c>guid'…'</c>, <c>datetime'…'</c>, quoted text with <c>''</c>, numbers, booleans.</summary>
internal static class ODataLiteral
{
    /// <summary>The literal for <paramref name="value"/>; <paramref name="remoteType"/> (the catalog type) tells GUID fields from text.</summary>
    public static string Of(SyncValue value, string? remoteType) => value.Kind switch
    {
        SyncValueKind.Null => "null",
        SyncValueKind.Boolean => value.AsBoolean() == true ? "true" : "false",
        SyncValueKind.Number => value.AsDecimal()!.Value.ToString(CultureInfo.InvariantCulture),
        SyncValueKind.DateTime or SyncValueKind.Date => $"datetime'{ExactWireFormat.FormatRequestDate(value.AsDateTimeOffset()!.Value)}'",
        SyncValueKind.Records => throw new ArgumentException("Child records cannot be an OData literal.", nameof(value)),
        _ when IsGuid(value.AsString()!, remoteType) => Guid(value.AsString()!),
        _ => "'" + value.AsString()!.Replace("'", "''", StringComparison.Ordinal) + "'",
    };

    /// <summary>A GUID literal, e.g. <c>guid'0d4c…'</c>.</summary>
    public static string Guid(string key) => $"guid'{System.Guid.Parse(key):D}'";

    private static bool IsGuid(string text, string? remoteType) =>
        remoteType is null ? System.Guid.TryParse(text, out _) : remoteType is "guid" or "reference";
}
