using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SesamTalk.Testing.Tests.SuperOffice;

/// <summary>A webhook receiver on loopback that keeps every post it gets (headers, raw body, arrival) and answers the status <see cref="Answer"/> picks.</summary>
internal sealed class WebhookTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<WebhookPost> _posts = Channel.CreateUnbounded<WebhookPost>();

    private WebhookTarget(WebApplication app) => _app = app;

    /// <summary>The status to answer a post with; 200 unless a test changes it.</summary>
    public Func<WebhookPost, int> Answer { get; set; } = _ => StatusCodes.Status200OK;

    public string Url => _app.Urls.First() + "/hook";

    public static async Task<WebhookTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var target = new WebhookTarget(app);
        app.MapPost("/hook", async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var post = new WebhookPost(
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray(),
                DateTimeOffset.UtcNow);
            http.Response.StatusCode = target.Answer(post);
            await target._posts.Writer.WriteAsync(post);
        });
        await app.StartAsync();
        return target;
    }

    /// <summary>The next post, in arrival order; fails after 10 s without one.</summary>
    public async Task<WebhookPost> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _posts.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next post that is not a save's test event.</summary>
    public async Task<WebhookPost> NextEventAsync()
    {
        while (true)
        {
            var post = await NextAsync();
            if (post.Event != "test")
            {
                return post;
            }
        }
    }

    /// <summary>Whether any post arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> AnyWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await _posts.Reader.WaitToReadAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One post a <see cref="WebhookTarget"/> got.</summary>
internal sealed record WebhookPost(Dictionary<string, string> Headers, byte[] Body, DateTimeOffset Arrived)
{
    public string? Event => Headers.GetValueOrDefault("X-SuperOffice-Event");

    public System.Text.Json.Nodes.JsonObject Json => System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();
}
