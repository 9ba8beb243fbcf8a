using Microsoft.Extensions.Options;

namespace SesamTalk.Connectors.Custom;

/// <summary>Hands out the <see cref="CustomSystemClient"/> of each configured custom system by name.</summary>
public sealed class CustomSystemClients
{
    private readonly IHttpClientFactory _clients;
    private readonly IOptionsMonitor<CustomConnectorOptions> _options;

    /// <summary>Creates the factory (DI does this).</summary>
    /// <param name="clients">The HttpClient factory.</param>
    /// <param name="options">The systems' named options.</param>
    public CustomSystemClients(IHttpClientFactory clients, IOptionsMonitor<CustomConnectorOptions> options)
    {
        _clients = clients;
        _options = options;
    }

    /// <summary>The client of <paramref name="system"/>, e.g. <c>Customcrm</c>.</summary>
    /// <param name="system">The system's name as registered.</param>
    public CustomSystemClient Get(string system) =>
        new(system, _clients.CreateClient(HttpClientName(system)), _options.Get(system));

    internal static string HttpClientName(string system) => "SesamTalk." + system;
}
