namespace SesamTalk.Connectors.Http;

/// <summary>Where a session asks for tokens: through which HttpClient, at which URL, by which clock.</summary>
/// <param name="Clients">The HttpClient factory.</param>
/// <param name="Client">The name of the HttpClient that talks to the token endpoint.</param>
/// <param name="Url">The token endpoint's URL, read when a request is made (the settings it is built from are checked when the host starts).</param>
/// <param name="Time">The clock that dates requests and decides when a token is due for renewal.</param>
internal sealed record OAuthTokenEndpoint(IHttpClientFactory Clients, string Client, Func<Uri> Url, TimeProvider Time);
