using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SesamTalk.Testing.Custom.Emulation;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>
/// Runs every request of the contract the same way: check the API key, run the handler, write the response. Under
/// the emulator it also counts the call, plays any injected fault, applies the rate limit and reports it in the
/// <c>RateLimit-*</c> headers.
/// </summary>
internal sealed class CustomPipeline(string apiKey, EmulatorControls? controls)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Action<ILogger, string, Exception?> LogFailure = LoggerMessage.Define<string>(
        LogLevel.Error, new EventId(1, "CustomSystemRequestFailed"), "Custom-system request {Instance} failed.");

    private readonly byte[] _apiKey = Encoding.UTF8.GetBytes(apiKey);

    public async Task RunAsync(HttpContext http, CustomEndpoint endpoint, Func<CustomRequest, CancellationToken, Task<CustomResponse>> handler)
    {
        var cancellationToken = http.RequestAborted;
        var request = new CustomRequest(http);
        controls?.CountCall(endpoint);
        var fault = controls?.Faults.Take(endpoint);
        if (fault?.Kind == CustomFaultKind.Slow)
        {
            await Task.Delay(fault.Delay, cancellationToken).ConfigureAwait(false);
        }

        var response = fault?.Kind == CustomFaultKind.Status
            ? StatusFault(fault, request.Instance)
            : await GuardedAsync(request, handler, cancellationToken).ConfigureAwait(false);
        if (fault?.Kind == CustomFaultKind.LoseResponse)
        {
            // The work above is committed; the client only sees the connection go away.
            http.Abort();
            return;
        }

        await WriteAsync(http, response, fault?.Kind == CustomFaultKind.MalformedBody, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CustomResponse> GuardedAsync(
        CustomRequest request, Func<CustomRequest, CancellationToken, Task<CustomResponse>> handler, CancellationToken cancellationToken)
    {
        if (!Authorized(request.Header("Authorization")))
        {
            return Problems.Unauthorized(request.Instance);
        }

        RateState? rate = controls?.Limiter.Acquire();
        CustomResponse response;
        if (rate is { Allowed: false } limited)
        {
            response = Problems.TooManyRequests(request.Instance, limited.ResetSeconds)
                .WithHeader("Retry-After", limited.ResetSeconds.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            try
            {
                response = await handler(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ProblemException e)
            {
                response = e.Response;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failing store still answers in the contract's shape; the detail goes to the host's log, not the client.
                LogFailure(Logger(request.Http), request.Instance, e);
                response = Problems.ServerError(StatusCodes.Status500InternalServerError, request.Instance);
            }
        }

        return rate is { } state ? WithRate(response, state.Limit, state.Remaining, state.ResetSeconds) : response;
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(CustomPipeline)) ?? NullLogger.Instance;

    /// <summary>Compares the bearer token with the API key in constant time.</summary>
    private bool Authorized(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(token, _apiKey);
    }

    private CustomResponse StatusFault(CustomFault fault, string instance)
    {
        if (fault.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            var seconds = Seconds(fault.RetryAfter!.Value);
            var limit = controls!.Limiter.Limit;
            return WithRate(Problems.TooManyRequests(instance, seconds), limit, 0, seconds)
                .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        var response = Problems.ServerError(fault.StatusCode, instance);
        return fault.RetryAfter is { } after ? response.WithHeader("Retry-After", Seconds(after).ToString(CultureInfo.InvariantCulture)) : response;
    }

    private static int Seconds(TimeSpan span) => (int)Math.Ceiling(span.TotalSeconds);

    private static CustomResponse WithRate(CustomResponse response, int limit, int remaining, int resetSeconds) => response
        .WithHeader("RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture))
        .WithHeader("RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture))
        .WithHeader("RateLimit-Reset", resetSeconds.ToString(CultureInfo.InvariantCulture));

    private static async Task WriteAsync(HttpContext http, CustomResponse response, bool corrupt, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            http.Response.Headers[name] = value;
        }

        if (response.Body is null && !corrupt)
        {
            return;
        }

        var json = response.Body?.ToJsonString(JsonOptions) ?? "{}";
        if (corrupt)
        {
            // Half a document never parses; a 204 becomes a 200 so that it can carry the broken body.
            json = json[..(json.Length / 2)];
            http.Response.StatusCode = response.Status == StatusCodes.Status204NoContent ? StatusCodes.Status200OK : response.Status;
        }

        http.Response.ContentType = response.ContentType;
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), cancellationToken).ConfigureAwait(false);
    }
}
