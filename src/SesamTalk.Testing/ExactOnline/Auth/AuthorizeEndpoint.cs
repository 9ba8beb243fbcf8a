using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SesamTalk.Testing.ExactOnline.Http;

namespace SesamTalk.Testing.ExactOnline.Auth;

/// <summary>
/// <c>GET /api/oauth2/auth?client_id&amp;redirect_uri&amp;response_type=code&amp;state</c>: the user consents at once and
/// is redirected (302) to the registered redirect URI with <c>code</c> and <c>state</c>.
/// </summary>
internal sealed class AuthorizeEndpoint(ExactOnlineDivision division)
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var options = division.Options;
        var redirect = request.Query("redirect_uri");
        if (!string.Equals(request.Query("client_id"), options.ClientId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(redirect, options.RedirectUri, StringComparison.Ordinal)
            || request.Query("response_type") != "code")
        {
            return Task.FromResult(ApiResponse.OAuthError("invalid_request"));
        }

        var parameters = new Dictionary<string, string?> { ["code"] = division.Tokens.IssueCode(options.RedirectUri) };
        if (request.Query("state") is { } state)
        {
            parameters["state"] = state;
        }

        var location = QueryHelpers.AddQueryString(options.RedirectUri, parameters);
        return Task.FromResult(new ApiResponse(StatusCodes.Status302Found, null, new Dictionary<string, string> { ["Location"] = location }));
    }
}
