using System.Globalization;

namespace SesamTalk.Connectors.SuperOffice;

/// <summary>Archive restriction literals: quoted text with <c>\'</c>, numbers, booleans, UTC dates to the second.</summary>
internal static class ArchiveLiteral
{
    public static string Of(SyncValue value) => value.Kind switch
    {
        SyncValueKind.Boolean => value.AsBoolean() == true ? "true" : "false",
        SyncValueKind.Number => value.AsDecimal()!.Value.ToString(CultureInfo.InvariantCulture),
        SyncValueKind.DateTime or SyncValueKind.Date => "'" + value.AsDateTimeOffset()!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "'",
        SyncValueKind.Null or SyncValueKind.Records => throw new ArgumentException($"{value.Kind} cannot be an archive literal.", nameof(value)),
        _ => "'" + value.AsString()!.Replace("'", @"\'", StringComparison.Ordinal) + "'",
    };
}
