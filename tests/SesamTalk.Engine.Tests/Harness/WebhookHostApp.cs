using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>
/// The web host of the webhook end-to-end tests: a slim ASP.NET Core app on a loopback port chosen before it is built
/// (the callback address goes into its own configuration), logging only into <see cref="CapturedLogs"/>.
/// </summary>
internal static class WebhookHostApp
{
    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The app's builder: Kestrel on <paramref name="port"/>, every logger writing to <paramref name="logs"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(int port, CapturedLogs logs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(CapturingLogger<>));
        return builder;
    }

    /// <summary>
    /// The engine as the notified web hosts run it: every flow off but those of <paramref name="entity"/> (less
    /// <paramref name="alsoOff"/>), the link store in a fresh temporary folder, the background sync running the first
    /// cycle at once and polling 5 minutes apart (so within a test only a notification or a lost subscription runs a
    /// cycle after the first), notifications on with <paramref name="coalesceWindow"/>, called back at
    /// <paramref name="callbackBaseUrl"/>.
    /// </summary>
    public static SesamTalkBuilder AddNotifiedEngine(this SesamTalkBuilder talk, string entity, TimeSpan coalesceWindow, Uri callbackBaseUrl, params string[] alsoOff)
    {
        var schedule = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["InitialDelay"] = "00:00:00",
            ["Interval"] = "00:05:00",
        }).Build();
        var directory = Directory.CreateTempSubdirectory("sesamtalk-notified-web-");
        return talk
            .AddEngine(options =>
            {
                foreach (var other in talk.Model.Entities.Where(other => other.Name != entity))
                {
                    options.Flows[other.Name] = new SyncFlowOptions { Enabled = false };
                }

                foreach (var flow in alsoOff)
                {
                    options.Flows[flow] = new SyncFlowOptions { Enabled = false };
                }
            })
            .UseSqliteLinkStore(Path.Combine(directory.FullName, "links.db"))
            .AddBackgroundSync(schedule)
            .AddChangeNotifications(options =>
            {
                options.Enabled = true;
                options.CallbackBaseUrl = callbackBaseUrl;
                options.CoalesceWindow = coalesceWindow;
            });
    }

    /// <summary>Builds the app, lets <paramref name="configure"/> add what goes before the receivers, mounts them (<c>MapSesamTalkNotifications</c>) and starts it.</summary>
    public static async Task<WebApplication> StartAsync(WebApplicationBuilder builder, Action<WebApplication>? configure = null)
    {
        var app = builder.Build();
        configure?.Invoke(app);
        app.MapSesamTalkNotifications();
        await app.StartAsync();
        return app;
    }

    /// <summary>Stops the app, then the emulator it was notified by.</summary>
    public static async ValueTask StopAsync(WebApplication app, IAsyncDisposable emulator)
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await emulator.DisposeAsync();
    }
}
