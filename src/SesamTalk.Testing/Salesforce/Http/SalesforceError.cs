using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Salesforce.Http;

/// <summary>
/// One Salesforce error. The REST API writes it in two shapes: top-level errors as
/// <c>{"message","errorCode","fields"?}</c> and per-record results as <c>{"statusCode","message","fields"}</c>.
/// </summary>
internal sealed record SalesforceError(string Code, string Message, IReadOnlyList<string>? Fields = null)
{
    public const string RolledBackMessage =
        "Record rolled back because not all records were valid and the request was using AllOrNone header";

    /// <summary>The item every other record gets when an allOrNone request fails.</summary>
    public static SalesforceError RolledBack { get; } = new("ALL_OR_NONE_OPERATION_ROLLED_BACK", RolledBackMessage, []);

    /// <summary>The top-level REST shape; <c>fields</c> is left out when the error has none, as the recorded payloads show.</summary>
    public JsonObject ToRestJson()
    {
        var json = new JsonObject { ["message"] = Message, ["errorCode"] = Code };
        if (Fields is not null)
        {
            json["fields"] = FieldsArray();
        }

        return json;
    }

    /// <summary>The per-record shape used inside sObject Collections results.</summary>
    public JsonObject ToRecordJson() =>
        new() { ["statusCode"] = Code, ["message"] = Message, ["fields"] = FieldsArray() };

    private JsonArray FieldsArray() => [.. (Fields ?? []).Select(f => (JsonNode)f)];
}
