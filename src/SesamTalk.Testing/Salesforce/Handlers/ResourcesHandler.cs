using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary>
/// <c>GET /services/data/vXX.X</c>: the version's resources by name, as Salesforce's "Resources by Version" lists them
/// (jsforce reads <c>identity</c> from it). Only the resources the emulator serves are listed.
/// </summary>
internal sealed class ResourcesHandler(SalesforceOrg org)
{
    private static readonly string[] Served = ["sobjects", "query", "queryAll", "composite", "limits"];

    public Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var resources = new JsonObject();
        foreach (var name in Served)
        {
            resources[name] = $"{request.DataPath}/{name}";
        }

        resources["identity"] = org.IdentityUrl;
        return Task.FromResult(ApiResponse.Ok(resources));
    }
}
