using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>Reads the members of a create-job body, refusing values of the wrong JSON type as Salesforce's parser does.</summary>
internal static class JobDefinition
{
    /// <summary>A string member, or null when it is absent or JSON null.</summary>
    public static string? Text(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => (string)value!,
        var other => throw ApiException.BadRequest(
            "JSON_PARSER_ERROR", $"Cannot deserialize value of type `java.lang.String` from {other.GetValueKind()} for member '{name}'"),
    };

    /// <summary>The CSV dialect the body names (the defaults where it names none).</summary>
    public static CsvDialect Dialect(JsonObject body)
    {
        var delimiter = Text(body, "columnDelimiter");
        var lineEnding = Text(body, "lineEnding");
        return CsvDialect.Parse(delimiter, lineEnding) ?? throw BulkErrors.InvalidJob(CsvDialect.Parse(delimiter, null) is null
            ? $"Invalid columnDelimiter: {delimiter}. Use one of {CsvDialect.DelimiterNames}"
            : $"Invalid lineEnding: {lineEnding}. Use one of {CsvDialect.LineEndingNames}");
    }

    /// <summary>Refuses a content type other than CSV, the only one Bulk API 2.0 takes.</summary>
    public static void RequireCsv(JsonObject body)
    {
        if (Text(body, "contentType") is { } type && type != "CSV")
        {
            throw BulkErrors.InvalidJob($"Invalid contentType: {type}. Only CSV is supported");
        }
    }
}
