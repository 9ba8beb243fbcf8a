using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>
/// A response a handler produced but has not written yet, so the pipeline can add headers or play a fault
/// (drop or corrupt the response) after the work is committed.
/// </summary>
internal sealed record CustomResponse(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null) : IEmulatorResponse
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string ProblemType = "application/problem+json; charset=utf-8";

    public static CustomResponse NoContent { get; } = new(StatusCodes.Status204NoContent, null);

    /// <summary>Whether the body is an RFC 7807 problem.</summary>
    public bool IsProblem => Status >= 400;

    public string ContentType => IsProblem ? ProblemType : JsonType;

    /// <summary>A record with its <c>ETag</c>.</summary>
    public static CustomResponse Record(int status, CustomRecord record) =>
        new(status, RecordJson.Write(record), new Dictionary<string, string> { ["ETag"] = RecordJson.ETag(record.Version) });

    public CustomResponse WithHeader(string name, string value)
    {
        var headers = new Dictionary<string, string>(Headers ?? new Dictionary<string, string>()) { [name] = value };
        return this with { Headers = headers };
    }
}

/// <summary>Ends a handler early with a complete response (an error found deep in parsing or validation).</summary>
internal sealed class ProblemException(CustomResponse response) : Exception((string?)response.Body?["detail"] ?? "HTTP " + response.Status)
{
    public CustomResponse Response { get; } = response;
}
