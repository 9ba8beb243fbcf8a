using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Connectors.Tests.ExactOnline;

namespace SesamTalk.Connectors.Tests.Fixtures;

/// <summary>
/// The SuperOffice connector wired through DI as a host wires it, for tenant <c>Cust12345</c> on
/// <c>https://sod.superoffice.com/</c>, with recorded bodies behind its HttpClients.
/// </summary>
internal sealed class SuperOfficeFixtureTenant : IAsyncDisposable
{
    public const string TokenPath = "/login/common/oauth/tokens";
    public const string ApiPath = "/Cust12345/api/v1/";
    public static readonly DateTimeOffset Now = new(2024, 9, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private SuperOfficeFixtureTenant(FixtureResponses responses, ServiceProvider services, InMemorySuperOfficeTokenStore tokens)
    {
        Responses = responses;
        _services = services;
        Tokens = tokens;
    }

    public FixtureResponses Responses { get; }

    public InMemorySuperOfficeTokenStore Tokens { get; }

    public SuperOfficeClient Client => _services.GetRequiredKeyedService<SuperOfficeClient>("SuperOffice");

    public SuperOfficeSession Session => _services.GetRequiredKeyedService<SuperOfficeSession>("SuperOffice");

    public ISyncConnector Connector => _services.GetServices<ISyncConnector>().Single(c => c.System == "SuperOffice");

    /// <summary>Starts the connector; the token endpoint answers <paramref name="tokenBody"/>.</summary>
    public static SuperOfficeFixtureTenant Start(FixtureResponses responses, string tokenBody, string? refreshToken = "stored-refresh-token")
    {
        responses.On(HttpMethod.Post, TokenPath, tokenBody);
        var tokens = new InMemorySuperOfficeTokenStore(refreshToken);
        var services = new SesamTalkBuilder(new ServiceCollection()
            .AddSingleton<TimeProvider>(new VirtualClock(Now))
            .AddKeyedSingleton<ISuperOfficeTokenStore>("SuperOffice", tokens))
            .AddSuperOffice(options =>
            {
                options.LoginBaseUrl = new Uri("https://sod.superoffice.com/");
                options.Tenant = "Cust12345";
                options.ClientId = "client-id";
                options.ClientSecret = "client-secret";
                options.RedirectUri = "https://app.example.com/callback";
                options.MaxRetries = 1;
                options.MaxRetryDelay = TimeSpan.FromMilliseconds(10);
            }).Services
            .ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(responses.CreateHandler))
            .BuildServiceProvider();
        return new SuperOfficeFixtureTenant(responses, services, tokens);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
