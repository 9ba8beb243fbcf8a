using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>A record of the emulated Customcrm (its fields; lines as <c>Lines[n].fields.*</c>).</summary>
internal sealed class CustomcrmSide(CustomSystemEmulator crm, string type, string id) : IRecordSide
{
    public string Name => $"Customcrm {type} {id}";

    public Task<JsonObject> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(crm.GetRecord(type, id)?.Fields.DeepClone().AsObject() ?? throw new InvalidOperationException(Name + " does not exist."));

    public Task EditAsync(string field, JsonNode value, CancellationToken cancellationToken)
    {
        crm.Edit(type, id, new JsonObject { [field] = value });
        return Task.CompletedTask;
    }
}
