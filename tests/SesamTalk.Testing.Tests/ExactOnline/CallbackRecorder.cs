using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SesamTalk.Testing.Tests.ExactOnline;

/// <summary>
/// A webhook receiver on loopback for the emulator to post to: records each request's body and answers the next status
/// of a list it is given (then 200).
/// </summary>
internal sealed class CallbackRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string Body, string? ContentType)> _received = Channel.CreateUnbounded<(string, string?)>();
    private readonly Queue<int> _answers;

    private CallbackRecorder(WebApplication app, IEnumerable<int> answers)
    {
        _app = app;
        _answers = new Queue<int>(answers);
        app.MapPost("/hook", async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            await _received.Writer.WriteAsync((await reader.ReadToEndAsync(), http.Request.ContentType));
            lock (_answers)
            {
                http.Response.StatusCode = _answers.TryDequeue(out var status) ? status : StatusCodes.Status200OK;
            }
        });
    }

    public string Url => _app.Urls.Single() + "/hook";

    public static async Task<CallbackRecorder> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var recorder = new CallbackRecorder(builder.Build(), answers);
        await recorder._app.StartAsync();
        return recorder;
    }

    /// <summary>The next request's body and content type, waiting up to ten seconds.</summary>
    public async Task<(string Body, string? ContentType)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Whether a request arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> AnyWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await _received.Reader.WaitToReadAsync(timeout.Token);
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
