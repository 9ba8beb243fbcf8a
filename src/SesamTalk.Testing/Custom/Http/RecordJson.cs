using System.Globalization;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>The wire form of a <see cref="CustomRecord"/>, its stamps and its ETag.</summary>
internal static class RecordJson
{
    public static JsonObject Write(CustomRecord record) => new()
    {
        ["id"] = record.Id,
        ["type"] = record.Type,
        ["modifiedAt"] = Stamp(record.ModifiedAt),
        ["deleted"] = record.Deleted,
        ["version"] = record.Version,
        ["fields"] = record.Fields.DeepClone(),
    };

    /// <summary>UTC to the millisecond: <c>2024-09-10T14:20:17.123Z</c>.</summary>
    public static string Stamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Drops the sub-millisecond part, as every stamp of the contract does.</summary>
    public static DateTimeOffset TruncateToMillisecond(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>The strong entity tag of a version: the version in double quotes.</summary>
    public static string ETag(string version) => "\"" + version + "\"";

    /// <summary>
    /// The version an <c>If-Match</c> header asks for: null when absent or <c>*</c> (any current version), else the
    /// tag without its quotes (a weak <c>W/</c> prefix is ignored, bare versions are accepted).
    /// </summary>
    public static string? ExpectedVersion(string? ifMatch)
    {
        var tag = ifMatch?.Trim();
        if (string.IsNullOrEmpty(tag) || tag == "*")
        {
            return null;
        }

        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        return tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"' ? tag[1..^1] : tag;
    }
}
