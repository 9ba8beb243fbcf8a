using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>
/// An emulated tenant (short delivery retries) and a host on loopback wired through <c>AddSuperOffice</c> with
/// notifications on, on the real clock, whose <c>MapSesamTalkNotifications</c> mounts the tenant's webhook receiver at
/// <c>/sesamtalk/notifications/superoffice</c>; the engine's inbox is a recording one.
/// <see cref="Failing"/> makes the host answer 500 to every post, as a host that is down would.
/// </summary>
internal sealed class SuperOfficeWebhookHost : IAsyncDisposable
{
    public const string Secret = "a-long-random-webhook-secret";

    private readonly WebApplication _app;

    private SuperOfficeWebhookHost(SuperOfficeEmulator emulator, WebApplication app, RecordingNotifications notifications)
    {
        Emulator = emulator;
        _app = app;
        Notifications = notifications;
    }

    public SuperOfficeEmulator Emulator { get; }

    public RecordingNotifications Notifications { get; }

    public bool Failing { get; set; }

    public ISyncChangeSource Source => _app.Services.GetServices<ISyncChangeSource>().Single(s => s.System == "SuperOffice");

    public ISyncWebhookReceiver Receiver => _app.Services.GetServices<ISyncWebhookReceiver>().Single(r => r.Name == "SuperOffice");

    public Uri CallbackUrl => _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SyncNotificationOptions>>().Value.CallbackUrlFor("SuperOffice");

    public static async Task<SuperOfficeWebhookHost> StartAsync(TimeSpan? checkInterval = null)
    {
        var emulatorOptions = new SuperOfficeEmulatorOptions();
        emulatorOptions.WebhookRetryDelays.Clear();
        emulatorOptions.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(5));
        emulatorOptions.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(5));
        var emulator = await SuperOfficeEmulator.StartAsync(emulatorOptions);

        var notifications = new RecordingNotifications();
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services
            .AddSingleton<ISyncChangeNotifications>(notifications)
            .AddKeyedSingleton<ISuperOfficeTokenStore>("SuperOffice", new InMemorySuperOfficeTokenStore(emulator.IssueRefreshToken()));
        new SesamTalkBuilder(builder.Services)
            .AddChangeNotifications(options =>
            {
                options.Enabled = true;
                options.CallbackBaseUrl = new Uri($"http://127.0.0.1:{port}/sesamtalk/notifications");
            })
            .AddSuperOffice(options =>
            {
                options.LoginBaseUrl = emulator.BaseUrl;
                options.Tenant = emulator.ContextIdentifier;
                options.ClientId = emulator.ClientId;
                options.ClientSecret = emulator.ClientSecret;
                options.RedirectUri = emulator.RedirectUri;
                options.WebhookSecret = Secret;
                options.WebhookCheckInterval = checkInterval ?? TimeSpan.FromMilliseconds(100);
            });
        var app = builder.Build();
        SuperOfficeWebhookHost? host = null;
        app.Use(async (http, next) =>
        {
            if (host!.Failing)
            {
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            await next(http);
        });
        app.MapSesamTalkNotifications();
        await app.StartAsync();
        host = new SuperOfficeWebhookHost(emulator, app, notifications);
        return host;
    }

    /// <summary>A loopback port free now, so the callback address is known before the host listens.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs the change source for <paramref name="types"/> until the returned handle is disposed.</summary>
    public RunningSource Run(params string[] types)
    {
        var stop = new CancellationTokenSource();
        return new RunningSource(Source.RunAsync(types, Notifications, stop.Token), stop);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    /// <summary>A running source: disposing it cancels the run and waits for it to end.</summary>
    internal sealed class RunningSource(Task run, CancellationTokenSource stop) : IAsyncDisposable
    {
        public Task Run => run;

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await run;
            stop.Dispose();
        }
    }
}
