using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Testing.ExactOnline.Http;

/// <summary>
/// Runs every request the same way: count the call, play any injected fault, check the token, the division and the
/// rate limits, run the handler, add the <c>X-RateLimit-*</c> headers, then write (or, for some faults, drop or
/// corrupt) the response.
/// </summary>
internal sealed class RequestPipeline(ExactOnlineDivision division)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>How a route is guarded.</summary>
    public enum Guard
    {
        /// <summary>No token, no rate limit (the OAuth endpoints).</summary>
        Open,

        /// <summary>Bearer token and (when the path has one) the current division required; rate-limited.</summary>
        Api,
    }

    public async Task RunAsync(
        HttpContext http, ExactOnlineEndpoint endpoint, string entity, Guard guard, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler)
    {
        var cancellationToken = http.RequestAborted;
        division.Calls.Count(endpoint, entity);
        var fault = division.Faults.Take(endpoint);
        if (fault?.Kind == ExactOnlineFaultKind.Slow)
        {
            await Task.Delay(fault.Delay, cancellationToken).ConfigureAwait(false);
        }

        if (fault?.Kind == ExactOnlineFaultKind.ExpireAccessTokens)
        {
            division.Tokens.ExpireAll();
        }

        var response = fault?.Kind == ExactOnlineFaultKind.Status
            ? StatusFault(fault)
            : await GuardedAsync(new ApiRequest(http), guard, handler, cancellationToken).ConfigureAwait(false);
        if (fault?.Kind == ExactOnlineFaultKind.LoseResponse)
        {
            // The work above is committed; the client only sees the connection go away.
            http.Abort();
            return;
        }

        await WriteAsync(http, response, fault?.Kind == ExactOnlineFaultKind.MalformedBody, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ApiResponse> GuardedAsync(
        ApiRequest request, Guard guard, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler, CancellationToken cancellationToken)
    {
        if (guard == Guard.Open)
        {
            return await RunHandlerAsync(request, handler, cancellationToken).ConfigureAwait(false);
        }

        var authorization = request.Header("Authorization");
        var token = authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true ? authorization[7..].Trim() : null;
        if (!division.Tokens.IsValid(token))
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

    private static ApiResponse StatusFault(ExactOnlineFault fault)
    {
        var message = fault.StatusCode switch
        {
            429 => ExactMessages.TooManyRequests,
            503 => ExactMessages.Unavailable,
            _ => ExactMessages.ServerError,
        };
        var response = ApiResponse.Error(fault.StatusCode, message);
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

        if (response.Text is { } text && !corrupt)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (response.Body is null && !corrupt)
        {
            return;
        }

        var json = response.Body?.ToJsonString(JsonOptions) ?? response.Text ?? "{}";
        if (corrupt)
        {
            // Half a document never parses; a 204 becomes a 200 so that it can carry the broken body.
            json = json[..(json.Length / 2)];
            http.Response.StatusCode = response.Status == StatusCodes.Status204NoContent ? StatusCodes.Status200OK : response.Status;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), cancellationToken).ConfigureAwait(false);
    }
}
