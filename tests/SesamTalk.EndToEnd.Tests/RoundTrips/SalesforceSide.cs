using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>A record of the emulated Salesforce org.</summary>
internal sealed class SalesforceSide(SalesforceEmulator org, string type, string id) : IRecordSide
{
    public string Name => $"Salesforce {type} {id}";

    public Task<JsonObject> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(org.GetRecord(id) ?? throw new InvalidOperationException(Name + " does not exist."));

    public Task EditAsync(string field, JsonNode value, CancellationToken cancellationToken)
    {
        org.Edit(id, new JsonObject { [field] = value });
        return Task.CompletedTask;
    }
}
