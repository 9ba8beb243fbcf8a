using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>
/// A record of a sample host's SQLite store, read as its entity's JSON (property names, enums by name) and edited as the
/// host app would: load, change, save.
/// </summary>
internal sealed class HostSide<TEntity>(string host, IHostStore<TEntity> store, string id) : IRecordSide
    where TEntity : class
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public string Name => $"{host} {typeof(TEntity).Name} {id}";

    public async Task<JsonObject> ReadAsync(CancellationToken cancellationToken) =>
        JsonSerializer.SerializeToNode(await LoadAsync(cancellationToken), Json)!.AsObject();

    public async Task EditAsync(string field, JsonNode value, CancellationToken cancellationToken)
    {
        var record = await ReadAsync(cancellationToken);
        FieldPath.Set(record, field, value);
        await store.SaveAsync(record.Deserialize<TEntity>(Json)!, cancellationToken);
    }

    private async Task<TEntity> LoadAsync(CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) ?? throw new InvalidOperationException(Name + " does not exist.");
}
