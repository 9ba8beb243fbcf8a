using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Connectors.Tests.ExactOnline;

/// <summary>
/// An emulated division with webhooks, its registration as a host makes it with notifications on, and a loopback web
/// app that hands each callback to the division's receiver as <c>MapSesamTalkNotifications</c> does.
/// </summary>
internal sealed class ExactOnlineWebhookDivision : IAsyncDisposable
{
    private readonly WebApplication _callbacks;
    private readonly ServiceProvider _services;

    private ExactOnlineWebhookDivision(ExactOnlineEmulator emulator, WebApplication callbacks, ServiceProvider services, RecordedNotifications notifications)
    {
        Emulator = emulator;
        _callbacks = callbacks;
        _services = services;
        Notifications = notifications;
    }

    public ExactOnlineEmulator Emulator { get; }

    public RecordedNotifications Notifications { get; }

    /// <summary>The division's change source, as the engine's notification service finds it.</summary>
    public ISyncChangeSource Source => _services.GetServices<ISyncChangeSource>().Single(s => s.System == "ExactOnline");

    /// <summary>The division's webhook receiver, as <c>MapSesamTalkNotifications</c> finds it.</summary>
    public ISyncWebhookReceiver Receiver => _services.GetServices<ISyncWebhookReceiver>().Single(r => r.Name == "ExactOnline");

    /// <summary>Where the receiver listens: the callback base URL plus the lower-cased instance name.</summary>
    public string CallbackUrl => _callbacks.Urls.Single() + "/sesamtalk/notifications/exactonline";

    public static async Task<ExactOnlineWebhookDivision> StartAsync(TimeSpan checkInterval)
    {
        var emulator = await ExactOnlineEmulator.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var callbacks = builder.Build();
        ExactOnlineWebhookDivision? division = null;
        callbacks.MapPost("/sesamtalk/notifications/exactonline", async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var request = new SyncWebhookRequest(
                http.Request.Method,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            var response = await division!.Receiver.ReceiveAsync(request, http.RequestAborted);
            http.Response.StatusCode = response.StatusCode;
        });
        await callbacks.StartAsync();

        var notifications = new RecordedNotifications();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ISyncChangeNotifications>(notifications)
            .AddKeyedSingleton<IExactOnlineTokenStore>("ExactOnline", new InMemoryExactOnlineTokenStore(emulator.IssueRefreshToken()))
            .Configure<SyncNotificationOptions>(options =>
            {
                options.Enabled = true;
                options.CallbackBaseUrl = new Uri(callbacks.Urls.Single() + "/sesamtalk/notifications");
            });
        var provider = new SesamTalkBuilder(services).AddExactOnline(options =>
        {
            options.BaseUrl = emulator.BaseUrl;
            options.ClientId = emulator.ClientId;
            options.ClientSecret = emulator.ClientSecret;
            options.RedirectUri = emulator.RedirectUri;
            options.WebhookSecret = emulator.WebhookSecret;
            options.WebhookCheckInterval = checkInterval;
        }).Services.BuildServiceProvider();

        division = new ExactOnlineWebhookDivision(emulator, callbacks, provider, notifications);
        return division;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _callbacks.StopAsync();
        await _callbacks.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
