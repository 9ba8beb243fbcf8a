using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SesamTalk.Testing.SuperOffice.Http;

namespace SesamTalk.Testing.SuperOffice.Auth;

/// <summary>
/// <c>GET /login/common/oauth/authorize?client_id&amp;redirect_uri&amp;response_type=code&amp;scope=openid&amp;state</c>:
/// the user signs in and consents at once and is redirected (302) to the registered redirect URI with <c>code</c> and <c>state</c>.
/// </summary>
internal sealed class AuthorizeEndpoint(SuperOfficeTenant tenant)
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var options = tenant.Options;
        if (!string.Equals(request.Query("client_id"), options.ClientId, StringComparison.Ordinal)
            || !string.Equals(request.Query("redirect_uri"), options.RedirectUri, StringComparison.Ordinal)
            || request.Query("response_type") != "code")
        {
            return Task.FromResult(ApiResponse.OAuthError("invalid_request"));
        }

        var parameters = new Dictionary<string, string?> { ["code"] = tenant.Tokens.IssueCode(options.RedirectUri) };
        if (request.Query("state") is { } state)
        {
            parameters["state"] = state;
        }

        var location = QueryHelpers.AddQueryString(options.RedirectUri, parameters);
        return Task.FromResult(new ApiResponse(StatusCodes.Status302Found, null, new Dictionary<string, string> { ["Location"] = location }));
    }
}
