using System.Globalization;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.ExactOnline.Http;

/// <summary>
/// Runs every request the same way: count the call, play any injected fault, check the token, the division (when the
/// path has one) and the rate limits of <see cref="Guard.Api"/> routes, run the handler, add the <c>X-RateLimit-*</c> headers, then write (or, for some faults, drop or
/// corrupt) the response.
/// </summary>
internal sealed class RequestPipeline(ExactOnlineDivision division)
{
    public Task RunAsync(
        HttpContext http, ExactOnlineEndpoint endpoint, string entity, Guard guard, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler)
    {
        division.Calls.Count(endpoint, entity);
        var fault = division.Faults.Take(endpoint);
        if (fault?.Action == FaultAction.ExpireTokens)
        {
            division.Tokens.ExpireAll();
        }

        return FaultPlayer.RunAsync(
            http, fault, StatusFault, cancellationToken => GuardedAsync(new ApiRequest(http), guard, handler, cancellationToken));
    }

    private async Task<ApiResponse> GuardedAsync(
        ApiRequest request, Guard guard, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler, CancellationToken cancellationToken)
    {
        if (guard == Guard.Open)
        {
            return await RunHandlerAsync(request, handler, cancellationToken).ConfigureAwait(false);
        }

        if (!division.Tokens.IsValid(BearerToken.From(request.Header("Authorization"))))
        {
            return ApiResponse.Error(StatusCodes.Status401Unauthorized, ExactMessages.Unauthorized) with
            {
                Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer" },
            };
        }

        var path = request.Route("division");
        if (path.Length > 0 && path != division.Number.ToString(CultureInfo.InvariantCulture))
        {
            return ApiResponse.Error(StatusCodes.Status403Forbidden, ExactMessages.WrongDivision);
        }

        var limits = division.Limits.TryConsume();
        var response = limits.Allowed
            ? await RunHandlerAsync(request, handler, cancellationToken).ConfigureAwait(false)
            : ApiResponse.Error(StatusCodes.Status429TooManyRequests, ExactMessages.TooManyRequests);
        var headers = new Dictionary<string, string>(limits.Headers);
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        return response with { Headers = headers };
    }

    private static async Task<ApiResponse> RunHandlerAsync(
        ApiRequest request, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler, CancellationToken cancellationToken)
    {
        try
        {
            return await handler(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            return e.Response;
        }
    }

    private static ApiResponse StatusFault(FaultTerms fault)
    {
        var message = fault.StatusCode switch
        {
            429 => ExactMessages.TooManyRequests,
            503 => ExactMessages.Unavailable,
            _ => ExactMessages.ServerError,
        };
        var response = ApiResponse.Error(fault.StatusCode, message);
        return fault.RetryAfterHeader is { } after
            ? response with { Headers = new Dictionary<string, string> { ["Retry-After"] = after } }
            : response;
    }
}
