using System.Net;
using System.Net.Http.Headers;

namespace SesamTalk.Connectors.Http;

/// <summary>Reads how long a server asks the client to wait: <c>Retry-After</c> as seconds or as an HTTP date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseMessage response, TimeProvider time)
    {
        if (response.Headers.RetryAfter is not RetryConditionHeaderValue header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta;
        }

        return header.Date is { } date ? Max(date - time.GetUtcNow(), TimeSpan.Zero) : null;
    }

    /// <summary>Responses worth another try: throttling and transient server failures.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.InternalServerError;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
