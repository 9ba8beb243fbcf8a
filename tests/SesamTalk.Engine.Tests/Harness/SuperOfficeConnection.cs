using SesamTalk;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>The SuperOffice connector registered against an emulated tenant, with short retries.</summary>
internal static class SuperOfficeConnection
{
    /// <summary>Registers the connector and a token store holding a refresh token the tenant issued.</summary>
    public static IServiceCollection AddSuperOffice(this IServiceCollection services, SuperOfficeEmulator superOffice) =>
        new SesamTalkBuilder(services.AddKeyedSingleton<ISuperOfficeTokenStore>("SuperOffice", new InMemorySuperOfficeTokenStore(superOffice.IssueRefreshToken())))
            .AddSuperOffice(options =>
            {
                options.LoginBaseUrl = superOffice.BaseUrl;
                options.Tenant = superOffice.ContextIdentifier;
                options.ClientId = superOffice.ClientId;
                options.ClientSecret = superOffice.ClientSecret;
                options.RedirectUri = superOffice.RedirectUri;
                options.MaxRetryDelay = TimeSpan.FromSeconds(2);
            }).Services;
}
