using System.Text.Json;
using System.Text.Json.Nodes;

namespace SesamTalk.Connectors.Custom.Webhooks;

/// <summary>
/// The webhook endpoints of the custom-system contract (<c>POST/GET /webhooks</c>, <c>GET/DELETE /webhooks/{id}</c>),
/// spoken through the system's <see cref="CustomSystemClient"/>: the same API key, retries and rate-limit pacing.
/// </summary>
internal sealed class CustomWebhookClient(CustomSystemClient api)
{
    /// <summary>Subscribes <paramref name="url"/> to writes of <paramref name="types"/>, signed with <paramref name="secret"/>.</summary>
    public async Task<CustomWebhookSubscription> CreateAsync(Uri url, IReadOnlyCollection<string> types, string description, string secret, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["url"] = url.ToString(),
            ["types"] = new JsonArray([.. types.Select(t => (JsonNode)t)]),
            ["description"] = description,
            ["secret"] = secret,
        };

        // Not repeated after a lost answer: a second subscription would deliver every event twice (the receiver drops the
        // repeats by event id), and the source replaces duplicates at its next subscribe.
        using var json = await api.SendAsync(HttpMethod.Post, "webhooks", body.ToJsonString(), null, cancellationToken).ConfigureAwait(false);
        return Read(json!.RootElement);
    }

    public async Task<IReadOnlyList<CustomWebhookSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        using var json = await api.SendAsync(HttpMethod.Get, "webhooks", null, null, cancellationToken).ConfigureAwait(false);
        return [.. json!.RootElement.GetProperty("webhooks").EnumerateArray().Select(Read)];
    }

    /// <summary>The subscription, or null when the system has none with the id (deleted).</summary>
    public async Task<CustomWebhookSubscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            using var json = await api.SendAsync(HttpMethod.Get, Path(id), null, null, cancellationToken).ConfigureAwait(false);
            return Read(json!.RootElement);
        }
        catch (CustomSystemException error) when (error.ErrorCode == "not-found")
        {
            return null;
        }
    }

    /// <summary>Deletes the subscription; one that is gone already counts as deleted.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            using var _ = await api.SendAsync(HttpMethod.Delete, Path(id), null, null, cancellationToken, idempotent: true).ConfigureAwait(false);
        }
        catch (CustomSystemException error) when (error.ErrorCode == "not-found")
        {
        }
    }

    private static string Path(string id) => "webhooks/" + Uri.EscapeDataString(id);

    private static CustomWebhookSubscription Read(JsonElement webhook) => new(
        webhook.GetProperty("id").GetString()!,
        new Uri(webhook.GetProperty("url").GetString()!),
        [.. webhook.GetProperty("types").EnumerateArray().Select(t => t.GetString()!)],
        webhook.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String ? description.GetString() : null,
        webhook.GetProperty("status").GetString() == "enabled");
}
