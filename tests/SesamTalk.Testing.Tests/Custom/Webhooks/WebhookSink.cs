using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SesamTalk.Testing.Tests.Custom.Webhooks;

/// <summary>A loopback HTTP receiver for webhook deliveries: keeps every request (headers and raw body) and answers with the status <see cref="Answer"/> gives.</summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private int _count;

    private WebhookSink(WebApplication app) => _app = app;

    /// <summary>The receiver's URL.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The status to answer the n-th delivery (1-based) with; 200 by default.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    public IReadOnlyList<Received> Requests => [.. _received];

    public static async Task<WebhookSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var sink = new WebhookSink(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            sink._received.Enqueue(new Received(headers, buffer.ToArray()));
            http.Response.StatusCode = sink.Answer(Interlocked.Increment(ref sink._count));
        });
        await app.StartAsync();
        sink.Url = new Uri(app.Urls.First().TrimEnd('/') + "/hook");
        return sink;
    }

    /// <summary>Waits until <paramref name="done"/> holds for the requests so far (deliveries run in the background).</summary>
    public async Task<IReadOnlyList<Received>> WaitAsync(Func<IReadOnlyList<Received>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!done(Requests))
        {
            await Task.Delay(20, timeout.Token);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record Received(IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public System.Text.Json.Nodes.JsonObject Event => System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();
    }
}
