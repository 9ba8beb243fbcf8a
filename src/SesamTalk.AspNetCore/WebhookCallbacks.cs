using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.AspNetCore;

/// <summary>
/// Hands one HTTP callback to the receiver its path names: reads the raw body (bounded), the headers and the query as
/// they arrived, and writes the receiver's answer.
/// </summary>
internal sealed class WebhookCallbacks
{
    /// <summary>1 MiB: far above any system's event, small enough that a flood of large posts costs little.</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    private readonly Dictionary<string, ISyncWebhookReceiver> _receivers;
    private readonly int _maxBodyBytes;

    public WebhookCallbacks(IEnumerable<ISyncWebhookReceiver> receivers, int maxBodyBytes)
    {
        _receivers = new Dictionary<string, ISyncWebhookReceiver>(StringComparer.OrdinalIgnoreCase);
        foreach (var receiver in receivers)
        {
            if (!_receivers.TryAdd(receiver.Name, receiver))
            {
                throw new InvalidOperationException($"Two webhook receivers are named '{receiver.Name}': give each system instance its own name.");
            }
        }

        _maxBodyBytes = maxBodyBytes;
    }

    public async Task HandleAsync(HttpContext context, string system)
    {
        if (!_receivers.TryGetValue(system, out var receiver))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var request = new SyncWebhookRequest(context.Request.Method, Copy(context.Request.Headers), Copy(context.Request.Query), body);
        var response = await receiver.ReceiveAsync(request, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = response.StatusCode;
        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType ?? "text/plain; charset=utf-8";
            await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The body's bytes, or null when it is longer than the limit (read no further than one byte past it).</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _maxBodyBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = _maxBodyBytes + 1L;
        }

        var buffer = new ArrayBufferWriter<byte>();
        var stream = context.Request.Body;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.GetMemory(4096), context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > _maxBodyBytes)
            {
                return null;
            }
        }
    }

    /// <summary>Headers or query parameters by name, case-insensitive, repeated values joined with commas.</summary>
    private static Dictionary<string, string> Copy(IEnumerable<KeyValuePair<string, StringValues>> pairs)
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in pairs)
        {
            copy[name] = values.ToString();
        }

        return copy;
    }
}
