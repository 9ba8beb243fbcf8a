using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Dashboard;

/// <summary>
/// Safe by default: a dashboard the host gave no authorization (no <c>RequireAuthorization(...)</c> on it) answers only
/// requests from this machine, and refuses every other with 403. With authorization the host's policy decides.
/// </summary>
internal sealed class LocalRequestsOnly : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return IsAllowed(context.HttpContext) ? next(context) : ValueTask.FromResult<object?>(Results.StatusCode(StatusCodes.Status403Forbidden));
    }

    /// <summary>Whether the request may see the dashboard: the endpoint is under the host's authorization, or the caller is on this machine.</summary>
    public static bool IsAllowed(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is not null
        || IsLocal(context.Connection);

    private static bool IsLocal(ConnectionInfo connection) =>
        connection.RemoteIpAddress is { } remote
        && (IPAddress.IsLoopback(remote) || (connection.LocalIpAddress is { } local && remote.Equals(local)));
}
