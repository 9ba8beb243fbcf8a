using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Data;
using SesamTalk.Testing.SuperOffice.Http;

namespace SesamTalk.Testing.SuperOffice.Webhooks;

/// <summary>
/// The <c>Webhook</c> resource's JSON: <c>WebhookId, Name, Events, TargetUrl, Secret, State</c> (by name),
/// <c>Type, Headers, Properties, Registered, RegisteredAssociate, Updated, UpdatedAssociate</c>; and the writable
/// members of a request body applied to a definition. Server-kept members (id, dates, associates, links) are ignored
/// in bodies, as the WebAPI ignores them.
/// </summary>
internal static class WebhookJson
{
    /// <summary>The only <c>Type</c> the emulator posts for: the system plugin's <c>webhook</c> (CRM script hooks are not emulated).</summary>
    public const string WebhookType = "webhook";

    /// <summary>What <c>GET /api/v1/Webhook/default</c> returns, as documented.</summary>
    public static WebhookDefinition Default() => new() { Events = ["contact.created", "contact.deleted"] };

    public static JsonObject Render(WebhookDefinition webhook, TimeZoneInfo zone, string? self = null)
    {
        var json = new JsonObject
        {
            ["WebhookId"] = webhook.WebhookId,
            ["Name"] = webhook.Name,
            ["Events"] = new JsonArray([.. webhook.Events.Select(e => (JsonNode)e)]),
            ["TargetUrl"] = webhook.TargetUrl,
            ["Secret"] = webhook.Secret,
            ["State"] = webhook.State.ToString(),
            ["Type"] = webhook.Type,
            ["Headers"] = webhook.Headers is { } headers ? new JsonObject([.. headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]) : null,
            ["Properties"] = webhook.Properties?.DeepClone(),
            ["Registered"] = Date(webhook.Registered, zone),
            ["RegisteredAssociate"] = null,
            ["Updated"] = Date(webhook.Updated, zone),
            ["UpdatedAssociate"] = null,
        };
        if (self is not null)
        {
            json["_Links"] = new JsonObject { ["Self"] = self, ["Archive"] = self[..self.LastIndexOf('/')] };
        }

        return json;
    }

    /// <summary>Sets the writable members <paramref name="body"/> carries on <paramref name="webhook"/>, then checks the whole.</summary>
    public static void Apply(WebhookDefinition webhook, JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            switch (name.ToLowerInvariant())
            {
                case "name":
                    webhook.Name = Text(name, value);
                    break;
                case "events":
                    webhook.Events = value is JsonArray events
                        ? [.. events.Select(e => Text(name, e) is { Length: > 0 } text ? text : throw Invalid(name, e))]
                        : value is null ? [] : throw Invalid(name, value);
                    break;
                case "targeturl":
                    webhook.TargetUrl = Text(name, value);
                    break;
                case "secret":
                    webhook.Secret = Text(name, value);
                    break;
                case "state":
                    webhook.State = State(name, value);
                    break;
                case "type":
                    webhook.Type = Text(name, value) ?? WebhookType;
                    break;
                case "headers":
                    webhook.Headers = value is JsonObject headers
                        ? headers.ToDictionary(h => h.Key, h => Text(name, h.Value) ?? "", StringComparer.OrdinalIgnoreCase)
                        : value is null ? null : throw Invalid(name, value);
                    break;
                case "properties":
                    webhook.Properties = value is JsonObject properties ? properties.DeepClone().AsObject() : value is null ? null : throw Invalid(name, value);
                    break;
            }
        }

        Check(webhook);
    }

    private static void Check(WebhookDefinition webhook)
    {
        if (!Uri.TryCreate(webhook.TargetUrl, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            throw SoException.BadRequest(webhook.TargetUrl is null ? SoErrors.Mandatory("TargetUrl") : SoErrors.InvalidValue("TargetUrl", webhook.TargetUrl));
        }

        if (!string.Equals(webhook.Type, WebhookType, StringComparison.OrdinalIgnoreCase))
        {
            throw SoException.BadRequest($"The emulator serves webhooks of Type '{WebhookType}' only, not '{webhook.Type}'.");
        }

        if (webhook.State == WebhookState.Unknown)
        {
            throw SoException.BadRequest(SoErrors.InvalidValue("State", "Unknown"));
        }
    }

    /// <summary>A state by name (<c>"Active"</c>) or number (<c>1</c>).</summary>
    public static WebhookState? ParseState(string? text) =>
        Enum.TryParse<WebhookState>(text, ignoreCase: true, out var state) && Enum.IsDefined(state) ? state : null;

    private static WebhookState State(string name, JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => ParseState((string?)value) ?? throw Invalid(name, value),
        JsonValueKind.Number when value.AsValue().TryGetValue<int>(out var number) && Enum.IsDefined((WebhookState)number) => (WebhookState)number,
        _ => throw Invalid(name, value),
    };

    private static string? Text(string name, JsonNode? value) => value switch
    {
        null => null,
        _ when value.GetValueKind() == JsonValueKind.String => (string?)value,
        _ => throw Invalid(name, value),
    };

    private static SoException Invalid(string name, JsonNode? value) => SoException.BadRequest(SoErrors.InvalidValue(name, value?.ToJsonString() ?? "null"));

    private static string Date(DateTimeOffset value, TimeZoneInfo zone) =>
        value == default ? SoDate.NoDate : SoDate.Entity(value, zone);

    /// <summary>The id in a route, as the entity routes read it.</summary>
    public static int Id(string route) => int.Parse(route, CultureInfo.InvariantCulture);
}
