using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline.Http;

namespace SesamTalk.Testing.ExactOnline.Auth;

/// <summary>
/// <c>POST /api/oauth2/token</c> for the authorization_code and refresh_token grants. Success bodies carry
/// <c>expires_in</c> as a string ("600") and a new refresh token every time; errors are 400 <c>{"error","error_description"?}</c>.
/// </summary>
internal sealed class TokenEndpoint(ExactOnlineDivision division)
{
    // Exact's body for a refresh token of an old link of the rotation chain (websmurf/laravel-exact-online#25).
    private const string ReusedDescription = "Token is not allowed, because of invalid or empty chainId";

    public async Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (!request.Http.Request.HasFormContentType)
        {
            return ApiResponse.OAuthError("invalid_request");
        }

        var form = await request.Http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var options = division.Options;
        string grant = form["grant_type"].ToString();
        if (grant is not ("authorization_code" or "refresh_token"))
        {
            return ApiResponse.OAuthError("unsupported_grant_type");
        }

        if (!string.Equals(form["client_id"], options.ClientId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(form["client_secret"], options.ClientSecret, StringComparison.Ordinal))
        {
            return ApiResponse.OAuthError("invalid_client");
        }

        if (grant == "authorization_code")
        {
            return division.Tokens.RedeemCode(form["code"], form["redirect_uri"])
                ? Success(division.Tokens.IssueRefreshToken())
                : ApiResponse.OAuthError("invalid_grant");
        }

        return division.Tokens.Redeem(form["refresh_token"], out var next, out var expiredAt) switch
        {
            TokenStore.RefreshOutcome.Rotated => Success(next),
            TokenStore.RefreshOutcome.Expired => ApiResponse.OAuthError("invalid_request", Expired(expiredAt)),
            TokenStore.RefreshOutcome.Reused => ApiResponse.OAuthError("invalid_grant", ReusedDescription),
            _ => ApiResponse.OAuthError("invalid_grant"),
        };
    }

    private ApiResponse Success(string refreshToken) => new(200, new JsonObject
    {
        ["access_token"] = division.Tokens.IssueAccessToken(),
        ["token_type"] = "bearer",
        ["expires_in"] = ((int)division.Tokens.AccessLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        ["refresh_token"] = refreshToken,
    });

    /// <summary>"The refresh token expired at 10/11/2022 9:18:20 PM and it is now 10/28/2022 4:15:50 PM." (US format, as recorded.)</summary>
    private string Expired(DateTimeOffset expiredAt)
    {
        var us = CultureInfo.GetCultureInfo("en-US");
        return string.Create(us, $"The refresh token expired at {expiredAt.UtcDateTime:M/d/yyyy h:mm:ss tt} and it is now {division.Clock.GetUtcNow().UtcDateTime:M/d/yyyy h:mm:ss tt}.");
    }
}
