using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>An entity of the emulated Exact Online division.</summary>
internal sealed class ExactOnlineSide(ExactOnlineEmulator division, string entity, Guid key) : IRecordSide
{
    public string Name => $"Exact Online {entity} {key}";

    public Task<JsonObject> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(division.GetRecord(entity, key) ?? throw new InvalidOperationException(Name + " does not exist."));

    public Task EditAsync(string field, JsonNode value, CancellationToken cancellationToken)
    {
        division.Edit(entity, key, new JsonObject { [field] = value });
        return Task.CompletedTask;
    }
}
