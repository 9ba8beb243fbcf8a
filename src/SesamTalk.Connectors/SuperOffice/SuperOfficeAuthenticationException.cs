using System.Net;

namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// SuperOffice refused to issue a token. When <see cref="NeedsReauthorization"/> is true (<c>invalid_grant</c>: the
/// consent was withdrawn or the refresh token is unknown, or no token is stored) no retry helps: a user has to
/// authorise the app again. The message never contains a token or the client secret.
/// </summary>
public sealed class SuperOfficeAuthenticationException : Exception, ISyncCredentialsFailure
{
    /// <summary>The error code used when the token store holds no refresh token.</summary>
    public const string NoRefreshToken = "no_refresh_token";

    /// <summary>Creates the exception.</summary>
    /// <param name="error">The OAuth error code, e.g. <c>invalid_grant</c>.</param>
    /// <param name="status">The HTTP status of the token response (0 when no call was made).</param>
    /// <param name="advice">The token store's <see cref="ISuperOfficeTokenStore.RenewalAdvice"/>, added when the app must be authorised again.</param>
    public SuperOfficeAuthenticationException(string error, HttpStatusCode status, string? advice = null)
        : base(Describe(error, status, advice))
    {
        Error = error;
        Status = status;
    }

    /// <summary>The OAuth error code, or <see cref="NoRefreshToken"/>.</summary>
    public string Error { get; }

    /// <summary>The HTTP status of the token response (0 when no call was made).</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Whether a user has to authorise the app again before syncing can go on.</summary>
    public bool NeedsReauthorization => Error is "invalid_grant" or NoRefreshToken;

    private static string Describe(string error, HttpStatusCode status, string? advice)
    {
        var reason = error == NoRefreshToken
            ? "the token store holds no refresh token"
            : $"the token endpoint answered {(int)status} {error}";
        return error is "invalid_grant" or NoRefreshToken
            ? $"SuperOffice needs the app to be authorised again: {reason}. Send the user through the authorization-code flow and redeem the new code." + (advice is null ? "" : " " + advice)
            : $"SuperOffice refused to issue a token: {reason}. Check the app's client id, client secret and redirect URI.";
    }
}
