namespace SesamTalk.Connectors.Http;

/// <summary>
/// The app an authorization-code session signs in as, as its system's options hold it: the client credentials, the
/// redirect URI registered for the app and how early an access token is replaced.
/// </summary>
internal interface IOAuthApp
{
    /// <summary>The app's client id.</summary>
    string ClientId { get; }

    /// <summary>The app's client secret. Never logged.</summary>
    string ClientSecret { get; }

    /// <summary>The redirect URI registered for the app; the code exchange sends exactly this.</summary>
    string RedirectUri { get; }

    /// <summary>How long before its expiry an access token is replaced.</summary>
    TimeSpan TokenRefreshMargin { get; }
}
