using System.Net;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// Exact Online refused to issue a token. When <see cref="NeedsReauthorization"/> is true (<c>invalid_grant</c>, an
/// expired refresh token, or none stored) no retry helps: a user has to authorise the app again. The message never
/// contains a token or the client secret.
/// </summary>
public sealed class ExactOnlineAuthenticationException : Exception, ISyncCredentialsFailure
{
    /// <summary>The error code used when the token store holds no refresh token.</summary>
    public const string NoRefreshToken = "no_refresh_token";

    /// <summary>Creates the exception.</summary>
    /// <param name="error">The OAuth error code, e.g. <c>invalid_grant</c>.</param>
    /// <param name="status">The HTTP status of the token response (0 when no call was made).</param>
    /// <param name="description">Exact's <c>error_description</c>, already stripped of secrets.</param>
    /// <param name="advice">The token store's <see cref="IExactOnlineTokenStore.RenewalAdvice"/>, added when the app must be authorised again.</param>
    public ExactOnlineAuthenticationException(string error, HttpStatusCode status, string? description, string? advice = null)
        : base(Describe(error, status, description, advice))
    {
        Error = error;
        Status = status;
        NeedsReauthorization = IsReauthorization(error, description);
    }

    /// <summary>The OAuth error code, or <see cref="NoRefreshToken"/>.</summary>
    public string Error { get; }

    /// <summary>The HTTP status of the token response (0 when no call was made).</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Whether a user has to authorise the app again (authorization-code flow) before syncing can go on.</summary>
    public bool NeedsReauthorization { get; }

    private static bool IsReauthorization(string error, string? description) =>
        error is "invalid_grant" or NoRefreshToken
        || (error == "invalid_request" && description?.Contains("expired", StringComparison.OrdinalIgnoreCase) == true);

    private static string Describe(string error, HttpStatusCode status, string? description, string? advice)
    {
        var reason = error == NoRefreshToken
            ? "the token store holds no refresh token"
            : $"the token endpoint answered {(int)status} {error}" + (string.IsNullOrEmpty(description) ? "" : $" ({description})");
        return IsReauthorization(error, description)
            ? $"Exact Online needs the app to be authorised again: {reason}. Send the user through the authorization-code flow and redeem the new code." + (advice is null ? "" : " " + advice)
            : $"Exact Online refused to issue a token: {reason}. Check the app's client id, client secret and redirect URI.";
    }
}
