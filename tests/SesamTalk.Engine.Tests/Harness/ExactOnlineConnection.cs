using SesamTalk;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>The Exact Online connector registered against an emulated division, with short retries.</summary>
internal static class ExactOnlineConnection
{
    /// <summary>Registers the connector and a token store holding a refresh token the division issued; <paramref name="configure"/> sets more of its options.</summary>
    public static IServiceCollection AddExactOnline(this IServiceCollection services, ExactOnlineEmulator exact, Action<ExactOnlineOptions>? configure = null) =>
        new SesamTalkBuilder(services.AddKeyedSingleton<IExactOnlineTokenStore>("ExactOnline", new InMemoryExactOnlineTokenStore(exact.IssueRefreshToken())))
            .AddExactOnline(options =>
            {
                options.BaseUrl = exact.BaseUrl;
                options.ClientId = exact.ClientId;
                options.ClientSecret = exact.ClientSecret;
                options.RedirectUri = exact.RedirectUri;
                options.MaxRetryDelay = TimeSpan.FromSeconds(2);
                configure?.Invoke(options);
            }).Services;
}
