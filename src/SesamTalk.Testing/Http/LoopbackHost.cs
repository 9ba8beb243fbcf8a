using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SesamTalk.Testing.Http;

/// <summary>
/// The web app every emulator runs in: Kestrel on 127.0.0.1 (a free port unless one is given), without logging and
/// without a signal-handling lifetime (<see cref="EmbeddedLifetime"/>), serving the emulator's routes.
/// </summary>
internal sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The address the app listens on, ending in "/".</summary>
    public Uri BaseUrl { get; }

    /// <summary>
    /// Builds the app, lets <paramref name="map"/> add the routes and starts listening on <paramref name="port"/> (0: any
    /// free port); <paramref name="configure"/> may add services and further listeners (after this one, which stays <see cref="BaseUrl"/>).
    /// </summary>
    public static async Task<LoopbackHost> StartAsync(Action<IEndpointRouteBuilder> map, int port, CancellationToken cancellationToken, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(LoopbackHost).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        configure?.Invoke(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new LoopbackHost(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    /// <summary>Stops listening; in-flight requests get until <paramref name="cancellationToken"/> fires to finish.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <summary>Stops listening (if still running) and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
