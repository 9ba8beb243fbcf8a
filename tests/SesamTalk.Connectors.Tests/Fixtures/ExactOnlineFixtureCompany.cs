using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.ExactOnline;

namespace SesamTalk.Connectors.Tests.Fixtures;

/// <summary>
/// The Exact Online connector wired through DI as a host wires it, with recorded bodies behind its HttpClients. No
/// token body is among the fixtures, so the token endpoint answers a minimal one of Exact's shape.
/// </summary>
internal sealed class ExactOnlineFixtureCompany : IAsyncDisposable
{
    public const string AccessToken = "fixture-access-token";

    private readonly ServiceProvider _services;

    private ExactOnlineFixtureCompany(FixtureResponses responses, ServiceProvider services)
    {
        Responses = responses;
        _services = services;
    }

    public FixtureResponses Responses { get; }

    public ExactOnlineClient Client => _services.GetRequiredKeyedService<ExactOnlineClient>("ExactOnline");

    /// <summary>Starts the connector on <paramref name="site"/> in <paramref name="division"/>.</summary>
    public static ExactOnlineFixtureCompany Start(FixtureResponses responses, string site = "https://start.exactonline.nl/", int division = 499156)
    {
        responses.On(HttpMethod.Post, "/api/oauth2/token", $$"""{"access_token":"{{AccessToken}}","token_type":"bearer","expires_in":"600","refresh_token":"refresh-2"}""");
        var services = new SesamTalkBuilder(new ServiceCollection()
            .AddKeyedSingleton<IExactOnlineTokenStore>("ExactOnline", new InMemoryExactOnlineTokenStore("refresh-1")))
            .AddExactOnline(options =>
            {
                options.BaseUrl = new Uri(site);
                options.Division = division;
                options.ClientId = "client-id";
                options.ClientSecret = "client-secret";
                options.RedirectUri = "https://localhost/callback";
                options.MaxRetries = 1;
                options.MaxRetryDelay = TimeSpan.FromMilliseconds(10);
            }).Services
            .ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(responses.CreateHandler))
            .BuildServiceProvider();
        return new ExactOnlineFixtureCompany(responses, services);
    }

    /// <summary>The requests made to the REST API (not the token endpoint).</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => [.. Responses.Requests.Where(r => r.Uri.AbsolutePath.StartsWith("/api/v1/", StringComparison.Ordinal))];

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
