using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.SuperOffice.Http;

/// <summary>
/// Runs every request the same way: count the call, play any injected fault, check the bearer token, the tenant and its
/// state (503 unless Running) for <see cref="Guard.Api"/> routes, run the handler, then write (or, for some faults, drop or corrupt) the response.
/// </summary>
internal sealed class RequestPipeline(SuperOfficeTenant tenant)
{
    public Task RunAsync(HttpContext http, SuperOfficeEndpoint endpoint, Guard guard, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler)
    {
        tenant.Calls.Count(endpoint);
        var fault = tenant.Faults.Take(endpoint);
        if (fault?.Action == FaultAction.ExpireTokens)
        {
            tenant.Tokens.ExpireAll();
        }

        return FaultPlayer.RunAsync(http, fault, StatusFault, cancellationToken => GuardedAsync(new ApiRequest(http), guard, handler, cancellationToken));
    }

    /// <summary>An OAuth access token (<c>Bearer 8A:…</c>), or a system-user ticket (<c>SOTicket 7T:…</c>) with the app's <c>SO-AppToken</c>.</summary>
    private bool Authenticated(ApiRequest request)
    {
        var authorization = request.Header("Authorization");
        const string Ticket = "SOTicket ";
        return authorization is not null && authorization.StartsWith(Ticket, StringComparison.OrdinalIgnoreCase)
            ? string.Equals(request.Header("SO-AppToken"), tenant.Options.ClientSecret, StringComparison.Ordinal) && tenant.Tokens.UseTicket(authorization[Ticket.Length..].Trim())
            : tenant.Tokens.IsValid(BearerToken.From(authorization));
    }

    private async Task<ApiResponse> GuardedAsync(
        ApiRequest request, Guard guard, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler, CancellationToken cancellationToken)
    {
        // An access token belongs to one tenant ("8A:Cust12345.…"): another tenant's URL refuses it as well.
        if (guard == Guard.Api
            && (!Authenticated(request)
                || !string.Equals(request.Route("tenant"), tenant.Options.ContextIdentifier, StringComparison.OrdinalIgnoreCase)))
        {
            return ApiResponse.Error(StatusCodes.Status401Unauthorized, SoErrors.Unauthorized, SoErrors.UnauthorizedMessage) with
            {
                Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer" },
            };
        }

        if (guard == Guard.Api && !tenant.IsRunning)
        {
            return ApiResponse.Error(StatusCodes.Status503ServiceUnavailable, SoErrors.Server, SoErrors.NotRunning(tenant.State));
        }

        try
        {
            return await handler(request, cancellationToken).ConfigureAwait(false);
        }
        catch (SoException e)
        {
            return e.Response;
        }
    }

    private static ApiResponse StatusFault(FaultTerms fault)
    {
        var response = ApiResponse.Error(fault.StatusCode, SoErrors.Server, SoErrors.ServerError(fault.StatusCode));
        return fault.RetryAfterHeader is { } after
            ? response with { Headers = new Dictionary<string, string> { ["Retry-After"] = after } }
            : response;
    }
}
