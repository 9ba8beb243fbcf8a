using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.SuperOffice.Http;

namespace SesamTalk.Testing.SuperOffice.Handlers;

/// <summary><c>GET /api/state/{ContextIdentifier}</c> (no credentials) and <c>GET /{tenant}/api/v1/User/currentPrincipal</c>.</summary>
internal sealed class TenantHandlers(SuperOfficeTenant tenant)
{
    /// <summary>How long a client may cache a state answer (<c>ValidUntil</c>); the docs give no figure.</summary>
    private static readonly TimeSpan StateValidity = TimeSpan.FromMinutes(5);

    public Task<ApiResponse> StateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var options = tenant.Options;
        if (!string.Equals(request.Route("context"), options.ContextIdentifier, StringComparison.OrdinalIgnoreCase))
        {
            throw new SoException(ApiResponse.Error(StatusCodes.Status404NotFound, SoErrors.NotFound, $"Tenant {request.Route("context")} not found"));
        }

        var validUntil = (tenant.Now + StateValidity).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        return Task.FromResult(ApiResponse.Ok(new JsonObject
        {
            ["ContextIdentifier"] = options.ContextIdentifier,
            ["Endpoint"] = tenant.TenantRoot.TrimEnd('/'),
            ["State"] = tenant.State,
            ["IsRunning"] = tenant.IsRunning,
            ["ValidUntil"] = validUntil,
            ["Api"] = tenant.ApiRoot.TrimEnd('/'),
        }));
    }

    /// <summary>The signed-in user, with the members of the recorded principal.</summary>
    public Task<ApiResponse> PrincipalAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(new JsonObject
        {
            ["BusinessId"] = 4,
            ["CategoryId"] = 4,
            ["ContactId"] = 2,
            ["ContextId"] = tenant.Options.ContextIdentifier,
            ["HomeCountryId"] = 826,
            ["RoleName"] = "User level 0",
            ["RoleId"] = 1,
            ["CountryId"] = 826,
            ["GroupId"] = 2,
            ["SecondaryGroups"] = 2,
            ["PersonId"] = tenant.Options.AssociateId,
            ["DatabaseContextIdentifier"] = tenant.Options.ContextIdentifier,
        }));
}
