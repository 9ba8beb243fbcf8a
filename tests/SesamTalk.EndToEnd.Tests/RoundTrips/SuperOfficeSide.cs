using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>An entity of the emulated SuperOffice tenant.</summary>
internal sealed class SuperOfficeSide(SuperOfficeEmulator tenant, string entity, int id) : IRecordSide
{
    public string Name => $"SuperOffice {entity} {id}";

    public Task<JsonObject> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(tenant.GetRecord(entity, id) ?? throw new InvalidOperationException(Name + " does not exist."));

    public Task EditAsync(string field, JsonNode value, CancellationToken cancellationToken)
    {
        tenant.Edit(entity, id, new JsonObject { [field] = value });
        return Task.CompletedTask;
    }
}
