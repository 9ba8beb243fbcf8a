using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SesamTalk.Testing.Custom.Emulation;
using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>
/// Runs every request of the contract the same way: check the API key, run the handler, write the response. Under
/// the emulator it also counts the call, plays any injected fault, applies the rate limit and reports it in the
/// <c>RateLimit-*</c> headers.
/// </summary>
internal sealed class CustomPipeline(string apiKey, EmulatorControls? controls)
{
    private static readonly Action<ILogger, string, Exception?> LogFailure = LoggerMessage.Define<string>(
        LogLevel.Error, new EventId(1, "CustomSystemRequestFailed"), "Custom-system request {Instance} failed.");

    private readonly byte[] _apiKey = Encoding.UTF8.GetBytes(apiKey);

    public Task RunAsync(HttpContext http, CustomEndpoint endpoint, Func<CustomRequest, CancellationToken, Task<CustomResponse>> handler)
    {
        var request = new CustomRequest(http);
        controls?.Calls.Count(endpoint);
        return FaultPlayer.RunAsync(
            http,
            controls?.Faults.Take(endpoint),
            fault => StatusFault(fault, request.Instance),
            cancellationToken => GuardedAsync(request, handler, cancellationToken));
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
    private bool Authorized(string? authorization) =>
        BearerToken.From(authorization) is { } token && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _apiKey);

    private CustomResponse StatusFault(FaultTerms fault, string instance)
    {
        if (fault.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            var seconds = FaultTerms.Seconds(fault.RetryAfter!.Value);
            var limit = controls!.Limiter.Limit;
            return WithRate(Problems.TooManyRequests(instance, seconds), limit, 0, seconds)
                .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        var response = Problems.ServerError(fault.StatusCode, instance);
        return fault.RetryAfterHeader is { } after ? response.WithHeader("Retry-After", after) : response;
    }

    private static CustomResponse WithRate(CustomResponse response, int limit, int remaining, int resetSeconds) => response
        .WithHeader("RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture))
        .WithHeader("RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture))
        .WithHeader("RateLimit-Reset", resetSeconds.ToString(CultureInfo.InvariantCulture));
}
