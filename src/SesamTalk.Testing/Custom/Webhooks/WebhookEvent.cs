namespace SesamTalk.Testing.Custom.Webhooks;

/// <summary>One event: writes of one action to records of one type (up to <see cref="WebhookDispatcher.MaxIdsPerEvent"/> ids).</summary>
internal sealed record WebhookEvent(string Id, string Type, string Action, IReadOnlyList<string> Ids, DateTimeOffset OccurredAt);
