namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// The HttpClient factory as one system instance's session sees it: a session asks for its login client by the fixed
/// name its system uses (<c>SesamTalk.Salesforce.Login</c>), and gets the instance's own, with the instance's retries.
/// </summary>
internal sealed class InstanceHttpClients(IHttpClientFactory clients, string instance) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => clients.CreateClient(Name(name, instance));

    /// <summary>The name an instance's client is registered under.</summary>
    public static string Name(string client, string instance) => client + "." + instance;
}
