namespace SesamTalk.Connectors.SuperOffice.Webhooks;

/// <summary>
/// Which of the connector's entities SuperOffice raises webhook events for: contacts, persons and sales
/// (<c>contact.created|changed|deleted</c> and so on, entity <c>contact</c> in the payload). Quote alternatives,
/// quote lines and products have no documented events: they stay on polling.
/// </summary>
internal static class SuperOfficeWebhookEvents
{
    private static readonly string[] Actions = ["created", "changed", "deleted"];

    /// <summary>The entity's name in events and payloads (<c>contact</c>), or null when SuperOffice raises none for it.</summary>
    public static string? EventEntity(SuperOfficeEntity entity) => entity.IsRest ? entity.Name.ToLowerInvariant() : null;

    /// <summary>The events to subscribe to for <paramref name="entity"/>, e.g. <c>contact.created, contact.changed, contact.deleted</c>.</summary>
    public static IEnumerable<string> For(SuperOfficeEntity entity) =>
        EventEntity(entity) is { } name ? Actions.Select(action => name + "." + action) : [];

    /// <summary>The entity a payload's <c>Entity</c> names, when the connector subscribes to it.</summary>
    public static SuperOfficeEntity? FromPayload(string? entity) =>
        SuperOfficeEntity.Find(entity ?? "") is { } found && EventEntity(found) is not null ? found : null;
}
