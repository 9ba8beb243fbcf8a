using System.Collections.Concurrent;
using Avro;
using Eventbus.V1;
using Grpc.Core;

namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>The event schemas the Pub/Sub API's GetSchema returns, parsed once per schema id (a schema id never changes its schema).</summary>
internal sealed class ChangeEventSchemas(PubSub.PubSubClient client)
{
    private readonly ConcurrentDictionary<string, RecordSchema> _byId = new(StringComparer.Ordinal);

    public async ValueTask<RecordSchema> GetAsync(string schemaId, Metadata headers, CancellationToken cancellationToken)
    {
        if (_byId.TryGetValue(schemaId, out var known))
        {
            return known;
        }

        var info = await client.GetSchemaAsync(new SchemaRequest { SchemaId = schemaId }, headers, cancellationToken: cancellationToken).ConfigureAwait(false);
        var parsed = Schema.Parse(info.SchemaJson) as RecordSchema
            ?? throw new FormatException($"Schema {schemaId} from GetSchema is no Avro record schema.");
        return _byId.GetOrAdd(schemaId, parsed);
    }
}
