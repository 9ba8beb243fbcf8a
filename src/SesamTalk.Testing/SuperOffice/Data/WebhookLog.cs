using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Data;

/// <summary>
/// The webhook notifications the tenant would send for writes to contacts, persons and sales
/// (<c>contact.created|changed|deleted</c>, …; no quote events are documented), in the documented payload shape:
/// <c>EventId</c>, <c>Timestamp</c>, <c>Changes</c>, <c>Event</c>, <c>PrimaryKey</c>, <c>Entity</c>,
/// <c>ContextIdentifier</c>, <c>ChangedByAssociateId</c>, <c>WebhookName</c>. <c>Changes</c> names database
/// columns in SuperOffice; the emulator uses the lower-cased catalog names plus <c>updated</c> and
/// <c>updated_associate_id</c> (registered… on create), which is close but not the real column list.
/// </summary>
internal sealed class WebhookLog(string contextIdentifier, int associateId)
{
    private const string WebhookName = "SesamTalk";

    private readonly List<JsonObject> _events = [];
    private readonly object _gate = new();

    public IReadOnlyList<JsonObject> Snapshot
    {
        get
        {
            lock (_gate)
            {
                return [.. _events.Select(e => e.DeepClone().AsObject())];
            }
        }
    }

    public void Created(EntityRecord record, DateTimeOffset now) =>
        Add(record, "created", [.. Columns(record.Schema.Fields.Where(f => record[f.Name] is not null).Select(f => f.Name)), "registered", "registered_associate_id"], now);

    /// <summary>Records a change when any field differs from <paramref name="before"/>.</summary>
    public void Changed(EntityRecord record, JsonObject before, DateTimeOffset now)
    {
        var changed = record.Schema.Fields.Where(f => f.Name is not ("UpdatedDate" or "UpdatedBy") && !JsonNode.DeepEquals(before[f.Name], record[f.Name]))
            .Select(f => f.Name).ToList();
        if (changed.Count > 0)
        {
            Add(record, "changed", [.. Columns(changed), "updated", "updated_associate_id"], now);
        }
    }

    public void Deleted(EntityRecord record, DateTimeOffset now) => Add(record, "deleted", [], now);

    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }

    private static IEnumerable<string> Columns(IEnumerable<string> fields) => fields.Select(f => f.ToLowerInvariant());

    private void Add(EntityRecord record, string action, string[] changes, DateTimeOffset now)
    {
        if (!record.Schema.Rest)
        {
            return;
        }

        var payload = new JsonObject
        {
            ["EventId"] = Guid.NewGuid().ToString(),
            ["Timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["Changes"] = new JsonArray([.. changes.Select(c => (JsonNode)c)]),
            ["Event"] = $"{record.Schema.EntityName}.{action}",
            ["PrimaryKey"] = record.Id,
            ["Entity"] = record.Schema.EntityName,
            ["ContextIdentifier"] = contextIdentifier,
            ["ChangedByAssociateId"] = associateId,
            ["WebhookName"] = WebhookName,
        };
        lock (_gate)
        {
            _events.Add(payload);
        }
    }
}
