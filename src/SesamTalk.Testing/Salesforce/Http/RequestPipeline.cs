using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Testing.Salesforce.Http;

/// <summary>
/// Runs every request the same way: count the call, play any injected fault, check the session and the API
/// budget, run the handler, then write (or, for some faults, drop or corrupt) the response.
/// </summary>
internal sealed class RequestPipeline(SalesforceOrg org)
{
    // Salesforce writes apostrophes and non-ASCII text as they are, not as \u escapes.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>How a route is guarded.</summary>
    public enum Guard
    {
        /// <summary>No session, not counted against the API limit (token endpoint, version list).</summary>
        Open,

        /// <summary>Bearer session required; counted against the API limit; <c>Sforce-Limit-Info</c> on the response.</summary>
        Api,
    }

    public async Task RunAsync(
        HttpContext http, SalesforceEndpoint endpoint, Guard guard, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler)
    {
        var cancellationToken = http.RequestAborted;
        org.Usage.CountCall(endpoint);
        var fault = org.Faults.Take(endpoint);
        if (fault?.Kind == SalesforceFaultKind.Slow)
        {
            await Task.Delay(fault.Delay, cancellationToken).ConfigureAwait(false);
        }

        if (fault?.Kind == SalesforceFaultKind.ExpireSession)
        {
            org.Tokens.ExpireAll();
        }

        var response = fault?.Kind == SalesforceFaultKind.Status
            ? StatusFault(fault)
            : await GuardedAsync(http, guard, handler, cancellationToken).ConfigureAwait(false);
        if (guard == Guard.Api)
        {
            http.Response.Headers["Sforce-Limit-Info"] = org.Usage.LimitInfo;
        }

        if (fault?.Kind == SalesforceFaultKind.LoseResponse)
        {
            // The work above is committed; the client only sees the connection go away.
            http.Abort();
            return;
        }

        await WriteAsync(http, response, fault?.Kind == SalesforceFaultKind.MalformedBody, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ApiResponse> GuardedAsync(
        HttpContext http, Guard guard, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(http);
        if (guard == Guard.Api)
        {
            var authorization = request.Header("Authorization");
            var token = authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true ? authorization[7..].Trim() : null;
            if (!org.Tokens.IsValid(token))
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

    private static ApiResponse StatusFault(SalesforceFault fault)
    {
        var (code, message) = fault.StatusCode switch
        {
            429 => ("REQUEST_LIMIT_EXCEEDED", "ConcurrentRequests Limit exceeded."),
            503 => ("SERVER_UNAVAILABLE", "Server is temporarily unavailable; please try again later."),
            _ => ("UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)"),
        };
        var response = ApiResponse.Error(fault.StatusCode, code, message);
        return fault.RetryAfter is { } after
            ? response with { Headers = new Dictionary<string, string> { ["Retry-After"] = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture) } }
            : response;
    }

    private static async Task WriteAsync(HttpContext http, ApiResponse response, bool corrupt, CancellationToken cancellationToken)
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

        http.Response.ContentType = "application/json;charset=UTF-8";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), cancellationToken).ConfigureAwait(false);
    }

}
