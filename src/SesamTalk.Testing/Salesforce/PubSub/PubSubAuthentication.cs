using Grpc.Core;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// Checks a call's session the way the Pub/Sub API does: the <c>accesstoken</c>, <c>instanceurl</c> and
/// <c>tenantid</c> metadata headers must name a valid access token of this org, its instance URL (http or https) and
/// its org id (15 or 18 characters).
/// </summary>
internal sealed class PubSubAuthentication(SalesforceOrg org)
{
    public void Check(ServerCallContext context, string rpcId)
    {
        var headers = context.RequestHeaders;
        var token = headers.GetValue("accesstoken");
        var tenantId = headers.GetValue("tenantid");
        var tenantMatches = tenantId is { Length: 15 or 18 } && org.OrgId.StartsWith(tenantId, StringComparison.Ordinal);
        if (!org.Tokens.IsValid(token) || !IsInstanceUrl(headers.GetValue("instanceurl")) || !tenantMatches)
        {
            throw PubSubErrors.Unauthenticated(rpcId);
        }
    }

    /// <summary>
    /// Whether the header names the org's instance: its host and port. The scheme is not compared: the emulator serves
    /// its REST API over plain HTTP, while Salesforce's instance URLs are all https and clients insist on that.
    /// </summary>
    private bool IsInstanceUrl(string? header) =>
        Uri.TryCreate(header, UriKind.Absolute, out var given) && Uri.TryCreate(org.InstanceUrl, UriKind.Absolute, out var instance)
        && string.Equals(given.Authority, instance.Authority, StringComparison.OrdinalIgnoreCase) && given.AbsolutePath == "/";
}
