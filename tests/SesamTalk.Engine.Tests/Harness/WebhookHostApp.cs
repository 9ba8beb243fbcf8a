using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    /// <summary>Stops the app, then the emulator it was notified by.</summary>
    public static async ValueTask StopAsync(WebApplication app, IAsyncDisposable emulator)
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await emulator.DisposeAsync();
    }
}
