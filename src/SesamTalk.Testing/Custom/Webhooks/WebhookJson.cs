using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom.Http;

namespace SesamTalk.Testing.Custom.Webhooks;

/// <summary>The wire forms of a subscription and of an event.</summary>
internal static class WebhookJson
{
    public static JsonObject Write(CustomWebhook webhook) => new()
    {
        ["id"] = webhook.Id,
        ["url"] = webhook.Url.ToString(),
        ["types"] = new JsonArray([.. webhook.Types.Select(t => (JsonNode)t)]),
        ["description"] = webhook.Description,
        ["status"] = webhook.Enabled ? "enabled" : "disabled",
        ["consecutiveFailures"] = webhook.ConsecutiveFailures,
        ["createdAt"] = RecordJson.Stamp(webhook.CreatedAt),
        ["disabledAt"] = webhook.DisabledAt is { } at ? RecordJson.Stamp(at) : null,
    };

    public static JsonObject Event(WebhookEvent change) => new()
    {
        ["id"] = change.Id,
        ["type"] = change.Type,
        ["action"] = change.Action,
        ["ids"] = new JsonArray([.. change.Ids.Select(id => (JsonNode)id)]),
        ["occurredAt"] = RecordJson.Stamp(change.OccurredAt),
    };
}
