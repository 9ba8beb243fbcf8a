using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Data;

namespace SesamTalk.Testing.SuperOffice.Webhooks;

/// <summary>
/// Raises the tenant's entity events (<c>contact.created|changed|deleted</c>, the same for person and sale; no quote
/// or product events are documented) to every Active webhook listening for them: one payload per webhook in the
/// documented shape (<c>EventId</c>, <c>Timestamp</c>, <c>Changes</c>, <c>Event</c>, <c>PrimaryKey</c>, <c>Entity</c>,
/// <c>ContextIdentifier</c>, <c>ChangedByAssociateId</c>, <c>WebhookName</c>, then the webhook's <c>Properties</c>),
/// kept in <see cref="Sent"/> and handed to the dispatcher. <c>Changes</c> names database columns in SuperOffice; the
/// emulator uses the lower-cased catalog names plus <c>updated</c> and <c>updated_associate_id</c>
/// (<c>registered…</c> on create), which is close but not the real column list.
/// </summary>
internal sealed class WebhookEvents(WebhookRegistry registry, WebhookDispatcher dispatcher, string contextIdentifier, int associateId)
{
    private readonly List<JsonObject> _sent = [];
    private readonly object _gate = new();

    /// <summary>Copies of the payloads raised, oldest first.</summary>
    public IReadOnlyList<JsonObject> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent.Select(e => e.DeepClone().AsObject())];
            }
        }
    }

    public void Created(EntityRecord record, DateTimeOffset now) =>
        Raise(record, "created", [.. Columns(record.Schema.Fields.Where(f => record[f.Name] is not null).Select(f => f.Name)), "registered", "registered_associate_id"], now);

    /// <summary>Raises a change when any field differs from <paramref name="before"/>.</summary>
    public void Changed(EntityRecord record, JsonObject before, DateTimeOffset now)
    {
        var changed = record.Schema.Fields.Where(f => f.Name is not ("UpdatedDate" or "UpdatedBy") && !JsonNode.DeepEquals(before[f.Name], record[f.Name]))
            .Select(f => f.Name).ToList();
        if (changed.Count > 0)
        {
            Raise(record, "changed", [.. Columns(changed), "updated", "updated_associate_id"], now);
        }
    }

    public void Deleted(EntityRecord record, DateTimeOffset now) => Raise(record, "deleted", [], now);

    public void Clear()
    {
        lock (_gate)
        {
            _sent.Clear();
        }
    }

    /// <summary>The payload of the test event a save of <paramref name="webhook"/> posts to its target first.</summary>
    public WebhookDelivery Test(WebhookDefinition webhook, DateTimeOffset now) =>
        Delivery(webhook, Payload(webhook, "test", "test", 0, [], now));

    private static IEnumerable<string> Columns(IEnumerable<string> fields) => fields.Select(f => f.ToLowerInvariant());

    private void Raise(EntityRecord record, string action, string[] changes, DateTimeOffset now)
    {
        if (!record.Schema.Rest)
        {
            return;
        }

        var eventName = $"{record.Schema.EntityName}.{action}";
        foreach (var webhook in registry.Listening(eventName))
        {
            var payload = Payload(webhook, eventName, record.Schema.EntityName, record.Id, changes, now);
            lock (_gate)
            {
                _sent.Add(payload);
            }

            dispatcher.Enqueue(Delivery(webhook, payload));
        }
    }

    private JsonObject Payload(WebhookDefinition webhook, string eventName, string entity, int primaryKey, string[] changes, DateTimeOffset now)
    {
        var payload = new JsonObject
        {
            ["EventId"] = Guid.NewGuid().ToString(),
            ["Timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["Changes"] = new JsonArray([.. changes.Select(c => (JsonNode)c)]),
            ["Event"] = eventName,
            ["PrimaryKey"] = primaryKey,
            ["Entity"] = entity,
            ["ContextIdentifier"] = contextIdentifier,
            ["ChangedByAssociateId"] = associateId,
            ["WebhookName"] = webhook.Name,
        };
        foreach (var (name, value) in webhook.Properties ?? [])
        {
            payload[name] = value?.DeepClone();
        }

        return payload;
    }

    private static WebhookDelivery Delivery(WebhookDefinition webhook, JsonObject payload) =>
        new(webhook.WebhookId, (string)payload["Event"]!, (string)payload["EventId"]!, Encoding.UTF8.GetBytes(payload.ToJsonString()));
}
