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
/// An emulated tenant (short delivery retries) and a host on loopback that mounts the tenant's webhook receiver at
/// <c>/notifications/superoffice</c>, wired through <c>AddSuperOffice</c> with notifications on, on the real clock.
/// <see cref="Failing"/> makes the host answer 500 to every post, as a host that is down would.
/// </summary>
internal sealed class SuperOfficeWebhookHost : IAsyncDisposable
{
    public const string Secret = "a-long-random-webhook-secret";

    private readonly ServiceProvider _services;
    private readonly WebApplication _app;

    private SuperOfficeWebhookHost(SuperOfficeEmulator emulator, ServiceProvider services, WebApplication app, RecordingNotifications notifications)
    {
        Emulator = emulator;
        _services = services;
        _app = app;
        Notifications = notifications;
    }

    public SuperOfficeEmulator Emulator { get; }

    public RecordingNotifications Notifications { get; }

    public bool Failing { get; set; }

    public ISyncChangeSource Source => _services.GetServices<ISyncChangeSource>().Single(s => s.System == "SuperOffice");

    public ISyncWebhookReceiver Receiver => _services.GetServices<ISyncWebhookReceiver>().Single(r => r.Name == "SuperOffice");

    public Uri CallbackUrl => _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SyncNotificationOptions>>().Value.CallbackUrlFor("SuperOffice");

    public static async Task<SuperOfficeWebhookHost> StartAsync(TimeSpan? checkInterval = null)
    {
        var emulatorOptions = new SuperOfficeEmulatorOptions();
        emulatorOptions.WebhookRetryDelays.Clear();
        emulatorOptions.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(5));
        emulatorOptions.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(5));
        var emulator = await SuperOfficeEmulator.StartAsync(emulatorOptions);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        SuperOfficeWebhookHost? host = null;
        app.MapPost("/notifications/{name}", async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            if (host!.Failing)
            {
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            var request = new SyncWebhookRequest(
                http.Request.Method,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            var response = await host.Receiver.ReceiveAsync(request, http.RequestAborted);
            http.Response.StatusCode = response.StatusCode;
        });
        await app.StartAsync();

        var notifications = new RecordingNotifications();
        var services = new SesamTalkBuilder(new ServiceCollection()
            .AddLogging()
            .AddSingleton<ISyncChangeNotifications>(notifications)
            .AddKeyedSingleton<ISuperOfficeTokenStore>("SuperOffice", new InMemorySuperOfficeTokenStore(emulator.IssueRefreshToken()))
            .Configure<SyncNotificationOptions>(options =>
            {
                options.Enabled = true;
                options.CallbackBaseUrl = new Uri(app.Urls.First() + "/notifications");
            }))
            .AddSuperOffice(options =>
            {
                options.LoginBaseUrl = emulator.BaseUrl;
                options.Tenant = emulator.ContextIdentifier;
                options.ClientId = emulator.ClientId;
                options.ClientSecret = emulator.ClientSecret;
                options.RedirectUri = emulator.RedirectUri;
                options.WebhookSecret = Secret;
                options.WebhookCheckInterval = checkInterval ?? TimeSpan.FromMilliseconds(100);
            }).Services
            .BuildServiceProvider();
        host = new SuperOfficeWebhookHost(emulator, services, app, notifications);
        return host;
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
        await _services.DisposeAsync();
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
