using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Samples.SyncJob.Hosts;
using SesamTalk.Samples.SyncJob.Remote;

namespace SesamTalk.Samples.SyncJob.Propagation;

/// <summary>
/// Where the systems' webhook callbacks reach one host: <c>MapSesamTalkNotifications</c> on a loopback Kestrel of its
/// own, serving the host's receivers (each host has its own, named after its systems). The port is chosen before the
/// host's container is built, since the host subscribes the systems to <see cref="CallbackBaseUrl"/>.
/// </summary>
internal sealed class HostCallbacks : IAsyncDisposable
{
    private WebApplication? _app;

    private HostCallbacks(Uri callbackBaseUrl) => CallbackBaseUrl = callbackBaseUrl;

    /// <summary>The public address of the host's receivers: <c>http://127.0.0.1:{port}/sesamtalk/notifications</c>.</summary>
    public Uri CallbackBaseUrl { get; }

    /// <summary>Picks a free loopback port for a host's receivers.</summary>
    public static HostCallbacks Reserve()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return new HostCallbacks(new Uri($"http://127.0.0.1:{port}{SesamTalkNotificationsEndpointRouteBuilderExtensions.DefaultPrefix}"));
    }

    /// <summary>
    /// The job's configuration for one host: its callback address, notifications on unless the configuration says
    /// otherwise (<c>--SesamTalk:Notifications:Enabled=false</c> times the edits with polling alone), and unless set, a
    /// random SuperOffice and Customcrm webhook secret (the app chooses it and registers the webhook with it).
    /// </summary>
    public IConfiguration Configure(IConfiguration configuration)
    {
        var section = HostContainer.NotificationsSection;
        var settings = new Dictionary<string, string?> { [section + ":CallbackBaseUrl"] = CallbackBaseUrl.ToString() };
        if (configuration[section + ":Enabled"] is null)
        {
            settings[section + ":Enabled"] = "true";
        }

        foreach (var system in (string[])[SystemSections.SuperOffice, SystemSections.Customcrm])
        {
            if (string.IsNullOrEmpty(configuration[system + ":WebhookSecret"]))
            {
                settings[system + ":WebhookSecret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            }
        }

        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(settings).Build();
    }

    /// <summary>Serves the webhook receivers of <paramref name="host"/>; a host without any (no webhook system) serves nothing.</summary>
    public async Task ServeAsync(IHostApp host, CancellationToken cancellationToken)
    {
        var receivers = host.Services.GetServices<ISyncWebhookReceiver>().ToList();
        if (receivers.Count == 0)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(CallbackBaseUrl.GetLeftPart(UriPartial.Authority));
        builder.Logging.ClearProviders();
        receivers.ForEach(receiver => builder.Services.AddSingleton(receiver));
        _app = builder.Build();
        _app.MapSesamTalkNotifications(CallbackBaseUrl.AbsolutePath);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops serving.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
