namespace SesamTalk.Testing.Custom.Webhooks;

/// <summary>A stored subscription: what <see cref="CustomWebhook"/> shows, plus the signing secret. Changed only under the registry's gate.</summary>
internal sealed class WebhookSubscription(string id, Uri url, IReadOnlyList<string> types, string? description, string secret, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public Uri Url { get; } = url;

    public IReadOnlyList<string> Types { get; } = types;

    public string? Description { get; } = description;

    /// <summary>The key deliveries are signed with (HMAC-SHA256 over <c>{t}.{body}</c>).</summary>
    public string Secret { get; } = secret;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Deleted subscriptions get no more deliveries, retries included.</summary>
    public bool Deleted { get; set; }

    public bool Receives(string type) => Types.Contains(type, StringComparer.OrdinalIgnoreCase);

    public CustomWebhook Snapshot() => new(Id, Url, Types, Description, DisabledAt is null, ConsecutiveFailures, CreatedAt, DisabledAt);
}
