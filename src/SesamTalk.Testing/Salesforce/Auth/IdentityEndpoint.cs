using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Http;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Auth;

/// <summary>
/// The identity URL <c>GET /id/{orgId}/{userId}</c> (the token response's <c>id</c>), which clients read for the user
/// and org behind a token (jsforce's <c>identity()</c>), authorised by <c>Authorization: Bearer</c> or
/// <c>?oauth_token=</c>. The answer has the members of Salesforce's "Identity URLs" help page; its <c>urls</c> carry the
/// literal <c>{version}</c> placeholder, as Salesforce's do.
/// </summary>
internal sealed class IdentityEndpoint(SalesforceOrg org)
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var token = BearerToken.From(request.Header("Authorization")) ?? request.Query("oauth_token");
        if (!org.Tokens.IsValid(token))
        {
            return Task.FromResult(new ApiResponse(StatusCodes.Status403Forbidden, JsonValue.Create("Bad_OAuth_Token")));
        }

        if (request.Route("orgId") != org.OrgId || request.Route("userId") != org.UserId)
        {
            return Task.FromResult(ApiResponse.NotFound());
        }

        var data = $"{org.InstanceUrl}/services/data/v{{version}}/";
        return Task.FromResult(ApiResponse.Ok(new JsonObject
        {
            ["id"] = org.IdentityUrl,
            ["asserted_user"] = true,
            ["user_id"] = org.UserId,
            ["organization_id"] = org.OrgId,
            ["username"] = org.Options.Username,
            ["nick_name"] = org.Options.Username.Split('@')[0],
            ["display_name"] = "SesamTalk Integration",
            ["email"] = org.Options.Username,
            ["email_verified"] = true,
            ["active"] = true,
            ["user_type"] = "STANDARD",
            ["language"] = "en_US",
            ["locale"] = "en_US",
            ["timezone"] = "GMT",
            ["utcOffset"] = 0,
            ["urls"] = new JsonObject
            {
                ["rest"] = data,
                ["sobjects"] = data + "sobjects/",
                ["query"] = data + "query/",
                ["profile"] = $"{org.InstanceUrl}/{org.UserId}",
            },
        }));
    }
}
