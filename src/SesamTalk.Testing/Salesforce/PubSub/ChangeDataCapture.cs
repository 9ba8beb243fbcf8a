using System.Collections.Concurrent;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// The org's change data capture: turns every committed write into a change event on the bus, and knows the event
/// schemas (one per object, by entity and by schema id) and the channels (<c>/data/ChangeEvents</c> for every object,
/// <c>/data/{Object}ChangeEvent</c> for one).
/// </summary>
internal sealed class ChangeDataCapture
{
    /// <summary>The standard channel that carries the change events of every object.</summary>
    public const string AllChangesChannel = "/data/ChangeEvents";

    private readonly SchemaCatalog _objects;
    private readonly string _userId;
    private readonly ConcurrentDictionary<string, ChangeEventSchema> _byEntity = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChangeEventSchema> _byId = new(StringComparer.Ordinal);
    private long _commits;

    public ChangeDataCapture(SchemaCatalog objects, string userId, TimeProvider clock, PubSubOptions options)
    {
        _objects = objects;
        _userId = userId;
        Bus = new ChangeEventBus(clock, options.Retention);
    }

    public ChangeEventBus Bus { get; }

    /// <summary>Publishes the change event of one committed write (RecordWriter calls this inside the write).</summary>
    public void Record(RecordChange change)
    {
        var schema = SchemaOf(change.Record.Schema);
        var commit = new CommitInfo(Guid.NewGuid().ToString(), (change.CommittedAt.ToUnixTimeMilliseconds() * 1_000_000) + Interlocked.Increment(ref _commits), _userId);
        var payload = ChangeEventPayload.Write(schema, change, commit);
        Bus.Publish(position => new StoredChangeEvent(position, schema.Entity, change.CommittedAt, schema.Id, payload));
    }

    /// <summary>A schema GetSchema knows (every object's schema is known once one of its events or topics was asked for).</summary>
    public ChangeEventSchema? SchemaById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The objects a channel carries: null for <see cref="AllChangesChannel"/>, the object of <c>/data/{Object}ChangeEvent</c>,
    /// or false when the channel is no change event channel of this org.
    /// </summary>
    public bool TryResolve(string topicName, out ChangeEventSchema? single)
    {
        single = null;
        if (topicName == AllChangesChannel)
        {
            return true;
        }

        const string prefix = "/data/";
        if (!topicName.StartsWith(prefix, StringComparison.Ordinal) || !topicName.EndsWith("ChangeEvent", StringComparison.Ordinal))
        {
            return false;
        }

        var eventName = topicName[prefix.Length..];
        var objectName = eventName.EndsWith("__ChangeEvent", StringComparison.Ordinal) ? eventName[..^"ChangeEvent".Length] + "c" : eventName[..^"ChangeEvent".Length];
        if (_objects.Find(objectName) is not { } schema || ChangeEventSchema.EventName(schema.Name) != eventName)
        {
            return false;
        }

        single = SchemaOf(schema);
        return true;
    }

    private ChangeEventSchema SchemaOf(SObjectSchema schema) => _byEntity.GetOrAdd(schema.Name, _ =>
    {
        var built = ChangeEventSchema.For(schema);
        _byId[built.Id] = built;
        return built;
    });
}
