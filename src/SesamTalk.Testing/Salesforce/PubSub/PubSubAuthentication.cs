using Grpc.Core;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// Checks a call's session the way the Pub/Sub API does: the <c>accesstoken</c>, <c>instanceurl</c> and
/// <c>tenantid</c> metadata headers must name a valid access token of this org, its instance URL and its org id
/// (15 or 18 characters).
/// </summary>
internal sealed class PubSubAuthentication(SalesforceOrg org)
{
    public void Check(ServerCallContext context, string rpcId)
    {
        var headers = context.RequestHeaders;
        var token = headers.GetValue("accesstoken");
        var instanceUrl = headers.GetValue("instanceurl")?.TrimEnd('/');
        var tenantId = headers.GetValue("tenantid");
        var tenantMatches = tenantId is { Length: 15 or 18 } && org.OrgId.StartsWith(tenantId, StringComparison.Ordinal);
        if (!org.Tokens.IsValid(token) || !string.Equals(instanceUrl, org.InstanceUrl, StringComparison.OrdinalIgnoreCase) || !tenantMatches)
        {
            throw PubSubErrors.Unauthenticated(rpcId);
        }
    }
}
