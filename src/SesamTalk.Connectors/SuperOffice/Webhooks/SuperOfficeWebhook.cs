using System.Text.Json.Serialization;

namespace SesamTalk.Connectors.SuperOffice.Webhooks;

/// <summary>The members of SuperOffice's <c>Webhook</c> resource the change source reads and writes.</summary>
/// <param name="WebhookId">The webhook's id (0 for a new one).</param>
/// <param name="Name">Its name, sent in each payload's <c>WebhookName</c>.</param>
/// <param name="Events">The events it posts, e.g. <c>contact.changed</c>.</param>
/// <param name="TargetUrl">Where it posts.</param>
/// <param name="Secret">The key of the payload signature; null when unsigned.</param>
/// <param name="State">Whether it posts.</param>
/// <param name="Type">The plugin handling it: <c>webhook</c>.</param>
internal sealed record SuperOfficeWebhook(
    int WebhookId,
    string? Name,
    IReadOnlyList<string> Events,
    string? TargetUrl,
    string? Secret,
    SuperOfficeWebhookState State,
    string Type = "webhook");

/// <summary>A webhook's <c>State</c>: written by name, read by name or number.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuperOfficeWebhookState>))]
internal enum SuperOfficeWebhookState
{
    /// <summary>Not given.</summary>
    Unknown = 0,

    /// <summary>Posting events.</summary>
    Active = 1,

    /// <summary>Stopped by its owner.</summary>
    Stopped = 2,

    /// <summary>Stopped by SuperOffice after nine failed posts in a row; its owner sets it Active again.</summary>
    TooManyErrors = 3,
}
