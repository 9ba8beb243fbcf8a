using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.Salesforce.Http;

/// <summary>
/// Runs every request the same way: count the call, play any injected fault, check the session and the API
/// budget (<see cref="Guard.Api"/> routes, which also get <c>Sforce-Limit-Info</c>), run the handler, then write (or,
/// for some faults, drop or corrupt) the response.
/// </summary>
internal sealed class RequestPipeline(SalesforceOrg org)
{
    public Task RunAsync(
        HttpContext http, SalesforceEndpoint endpoint, Guard guard, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler)
    {
        org.Calls.Count(endpoint);
        var fault = org.Faults.Take(endpoint);
        if (fault?.Action == FaultAction.ExpireTokens)
        {
            org.Tokens.ExpireAll();
        }

        return FaultPlayer.RunAsync(
            http,
            fault,
            StatusFault,
            cancellationToken => GuardedAsync(http, guard, handler, cancellationToken),
            guard == Guard.Api ? () => http.Response.Headers["Sforce-Limit-Info"] = org.Usage.LimitInfo : null);
    }

    private async Task<ApiResponse> GuardedAsync(
        HttpContext http, Guard guard, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(http);
        if (guard == Guard.Api)
        {
            if (!org.Tokens.IsValid(BearerToken.From(request.Header("Authorization"))))
            {
                return ApiResponse.Error(StatusCodes.Status401Unauthorized, "INVALID_SESSION_ID", "Session expired or invalid");
            }

            if (!IsVersion(request.Version))
            {
                return ApiResponse.NotFound();
            }

            if (!org.Usage.TryConsume())
            {
                return ApiResponse.Error(StatusCodes.Status403Forbidden, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            }
        }

        try
        {
            return await handler(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            return e.Response;
        }
    }

    private static bool IsVersion(string version) =>
        version.Length >= 3 && version.EndsWith(".0", StringComparison.Ordinal) && version[..^2].All(char.IsAsciiDigit);

    private static ApiResponse StatusFault(FaultTerms fault)
    {
        var (code, message) = fault.StatusCode switch
        {
            429 => ("REQUEST_LIMIT_EXCEEDED", "ConcurrentRequests Limit exceeded."),
            503 => ("SERVER_UNAVAILABLE", "Server is temporarily unavailable; please try again later."),
            _ => ("UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)"),
        };
        var response = ApiResponse.Error(fault.StatusCode, code, message);
        return fault.RetryAfterHeader is { } after
            ? response with { Headers = new Dictionary<string, string> { ["Retry-After"] = after } }
            : response;
    }
}
