using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Http;

namespace SesamTalk.Testing.SuperOffice.Handlers;

/// <summary>
/// The parameters of an agent call (<c>POST /api/v1/Agents/{Agent}/{Method}</c>), sent in the query string or as
/// members of a JSON body object, matched case-insensitively.
/// </summary>
internal sealed class AgentArguments(ApiRequest request, JsonObject? body)
{
    public static async Task<AgentArguments> ReadAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var hasBody = request.Http.Request.ContentLength is > 0 || request.Http.Request.Headers.TransferEncoding.Count > 0;
        return new AgentArguments(request, hasBody ? await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false) : null);
    }

    /// <summary>An int parameter, e.g. <c>quoteLineId</c>; a missing or non-numeric one is a 400.</summary>
    public int Id(string name)
    {
        var member = Member(name);
        var text = member is null ? request.Http.Request.Query.FirstOrDefault(q => string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase)).Value.ToString() : member.ToJsonString();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw SoException.BadQuery($"The parameter '{name}' is missing or not a valid id.");
    }

    /// <summary>A text parameter, e.g. <c>UserInput</c>, from the body or the query string; null when absent.</summary>
    public string? Text(string name) => Member(name) is JsonValue value && value.TryGetValue<string>(out var text)
        ? text
        : request.Http.Request.Query.FirstOrDefault(q => string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase)).Value.FirstOrDefault();

    /// <summary>An entity parameter, e.g. <c>QuoteLine</c>: the body member of that name, or the body itself when it has none.</summary>
    public JsonObject Entity(string name) =>
        Member(name) as JsonObject ?? body ?? throw SoException.BadRequest(SoErrors.InvalidBody);

    /// <summary>An entity list parameter, e.g. <c>QuoteLines</c>.</summary>
    public IEnumerable<JsonObject> Entities(string name) =>
        Member(name) is JsonArray array && array.All(e => e is JsonObject)
            ? array.Select(e => e!.AsObject())
            : throw SoException.BadRequest(SoErrors.InvalidBody);

    private JsonNode? Member(string name)
    {
        var member = body?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return member?.GetValueKind() == JsonValueKind.Null ? null : member;
    }
}
