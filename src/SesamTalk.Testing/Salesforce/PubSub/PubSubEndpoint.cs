using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// Hosts the Pub/Sub API beside the emulator's REST API, in the same web app: gRPC needs HTTP/2, which Kestrel speaks
/// without TLS (h2c, prior knowledge) only on an endpoint that is HTTP/2 alone, so the service gets its own loopback port.
/// Salesforce's endpoint is <c>api.pubsub.salesforce.com:7443</c> over TLS; clients of the emulator use
/// <see cref="Url"/> (<c>http://127.0.0.1:{port}/</c>) with plaintext HTTP/2, or over TLS with the certificate of
/// <see cref="PubSubOptions.Certificate"/> for clients that insist on TLS.
/// </summary>
internal sealed class PubSubEndpoint(PubSubService service, PubSubOptions options)
{
    private ListenOptions? _listener;

    public PubSubService Service => service;

    /// <summary>The service's address, once the app listens.</summary>
    public Uri Url => _listener?.IPEndPoint is { } endPoint
        ? new Uri($"{(options.Certificate is null ? "http" : "https")}://{endPoint.Address}:{endPoint.Port}/")
        : throw new InvalidOperationException("The Pub/Sub endpoint is not listening yet.");

    public void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listener =>
        {
            listener.Protocols = HttpProtocols.Http2;
            if (options.Certificate is { } certificate)
            {
                listener.UseHttps(certificate);
            }

            _listener = listener;
        }));
    }

    public static void Map(IEndpointRouteBuilder app) => app.MapGrpcService<PubSubService>();
}
