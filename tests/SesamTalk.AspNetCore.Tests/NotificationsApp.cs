using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.AspNetCore.Tests;

/// <summary>
/// A Kestrel host on a free loopback port with the given receivers mounted by <c>MapSesamTalkNotifications</c>, behind
/// a fallback policy that demands an authenticated user (which no caller here is), as a locked-down host has.
/// </summary>
internal sealed class NotificationsApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotificationsApp(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public static async Task<NotificationsApp> StartAsync(int maxBodyBytes, params ISyncWebhookReceiver[] receivers)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"] });
        builder.Logging.ClearProviders();
        foreach (var receiver in receivers)
        {
            builder.Services.AddSingleton(receiver);
        }

        builder.Services.AddAuthentication("none").AddScheme<AuthenticationSchemeOptions, NoUsers>("none", null);
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/private", () => "only for signed-in users");
        app.MapSesamTalkNotifications(maxBodyBytes: maxBodyBytes);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new NotificationsApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>An authentication scheme that never signs anyone in.</summary>
    private sealed class NoUsers(
        Microsoft.Extensions.Options.IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        System.Text.Encodings.Web.UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
