using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Salesforce;

namespace SesamTalk.Connectors.Tests.Fixtures;

/// <summary>
/// The Salesforce connector wired through DI as a host wires it, with the recorded bodies behind its HttpClients.
/// The token endpoint answers with <c>token_response_password_flow.json</c> unless a test routes it otherwise.
/// </summary>
internal sealed class SalesforceFixtureOrg : IAsyncDisposable
{
    public const string LoginHost = "https://login.salesforce.com/";
    public const string TokenPath = "/services/oauth2/token";
    public const string DataPath = "/services/data/v64.0/";

    private readonly ServiceProvider _services;

    private SalesforceFixtureOrg(FixtureResponses responses, ServiceProvider services)
    {
        Responses = responses;
        _services = services;
    }

    public FixtureResponses Responses { get; }

    public SalesforceClient Client => _services.GetRequiredKeyedService<SalesforceClient>("Salesforce");

    public SalesforceSession Session => _services.GetRequiredKeyedService<SalesforceSession>("Salesforce");

    public static SalesforceFixtureOrg Start(FixtureResponses responses, bool routeToken = true)
    {
        if (routeToken)
        {
            responses.On(HttpMethod.Post, TokenPath, FixtureFiles.Text("salesforce", "token_response_password_flow.json"));
        }

        var services = new SesamTalkBuilder(new ServiceCollection())
            .AddSalesforce(options =>
            {
                options.LoginUrl = new Uri(LoginHost);
                options.ClientId = "client-id";
                options.ClientSecret = "client-secret";
                options.MaxRetries = 1;
                options.MaxRetryDelay = TimeSpan.FromMilliseconds(10);
                options.DailyCallReserve = 0;
            }).Services
            .ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(responses.CreateHandler))
            .BuildServiceProvider();
        return new SalesforceFixtureOrg(responses, services);
    }

    /// <summary>A describe body for <paramref name="type"/> with the given field types (describe is not among the fixtures).</summary>
    public static string Describe(params (string Name, string Type)[] fields) =>
        System.Text.Json.JsonSerializer.Serialize(new { fields = fields.Select(f => new { name = f.Name, type = f.Type }) });

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
