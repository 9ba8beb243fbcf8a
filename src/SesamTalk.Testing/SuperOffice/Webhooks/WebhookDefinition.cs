using System.Text.Json.Nodes;

namespace SesamTalk.Testing.SuperOffice.Webhooks;

/// <summary>One registered webhook as SuperOffice keeps it, with its count of consecutive failed posts.</summary>
internal sealed class WebhookDefinition
{
    public int WebhookId { get; set; }

    public string? Name { get; set; }

    public IReadOnlyList<string> Events { get; set; } = [];

    public string? TargetUrl { get; set; }

    public string? Secret { get; set; }

    public WebhookState State { get; set; } = WebhookState.Active;

    public string Type { get; set; } = "webhook";

    /// <summary>Extra HTTP headers sent with each post.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; set; }

    /// <summary>Extra members added to each payload.</summary>
    public JsonObject? Properties { get; set; }

    public DateTimeOffset Registered { get; set; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>Failed posts since the last one that got 200.</summary>
    public int ConsecutiveErrors { get; set; }

    /// <summary>What went wrong with the last failed post, or null.</summary>
    public string? LastError { get; set; }

    public bool Listens(string eventName) => State == WebhookState.Active && Events.Contains(eventName, StringComparer.OrdinalIgnoreCase);

    public WebhookDefinition Copy()
    {
        var copy = (WebhookDefinition)MemberwiseClone();
        copy.Properties = Properties?.DeepClone().AsObject();
        return copy;
    }
}
