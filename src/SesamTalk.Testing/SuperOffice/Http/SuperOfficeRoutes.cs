using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SesamTalk.Testing.Http;
using SesamTalk.Testing.SuperOffice.Auth;
using SesamTalk.Testing.SuperOffice.Handlers;
using SesamTalk.Testing.SuperOffice.Webhooks;

namespace SesamTalk.Testing.SuperOffice.Http;

/// <summary>Maps the emulated SuperOffice URLs to their handlers, each run through the <see cref="RequestPipeline"/>.</summary>
internal static class SuperOfficeRoutes
{
    public static void Map(IEndpointRouteBuilder app, SuperOfficeTenant tenant)
    {
        var pipeline = new RequestPipeline(tenant);
        var authorize = new AuthorizeEndpoint(tenant);
        var token = new TokenEndpoint(tenant);
        var systemUser = new SystemUserEndpoint(tenant);
        var openId = new OpenIdMetadata(tenant);
        var tenants = new TenantHandlers(tenant);
        var entities = new EntityHandlers(tenant);
        var archive = new ArchiveHandler(tenant);
        var quotes = new QuoteAgentHandler(tenant);
        var webhooks = new WebhookHandlers(tenant);
        const string V1 = "/{tenant}/api/v1";

        app.MapGet("/login/common/oauth/authorize", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Authorize, Guard.Open, authorize.HandleAsync));
        app.MapPost("/login/common/oauth/tokens", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Token, Guard.Open, token.HandleAsync));
        app.MapPost("/login/api/PartnerSystemUser/Authenticate", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Token, Guard.Open, systemUser.HandleAsync));
        app.MapGet("/login/.well-known/openid-configuration", http => pipeline.RunAsync(http, SuperOfficeEndpoint.OpenIdMetadata, Guard.Open, openId.ConfigurationAsync));
        app.MapGet("/login/.well-known/jwks", http => pipeline.RunAsync(http, SuperOfficeEndpoint.OpenIdMetadata, Guard.Open, openId.JwksAsync));
        app.MapGet("/api/state/{context}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.TenantState, Guard.Open, tenants.StateAsync));

        app.MapGet(V1 + "/User/currentPrincipal", http => pipeline.RunAsync(http, SuperOfficeEndpoint.CurrentPrincipal, Guard.Api, tenants.PrincipalAsync));
        app.MapPost(V1 + "/Agents/Quote/{method}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.QuoteAgent, Guard.Api, quotes.HandleAsync));
        app.MapGet(V1 + "/Webhook", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Webhook, Guard.Api, webhooks.ListAsync));
        app.MapPost(V1 + "/Webhook", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Webhook, Guard.Api, webhooks.CreateAsync));
        app.MapGet(V1 + "/Webhook/default", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Webhook, Guard.Api, webhooks.DefaultAsync));
        app.MapGet(V1 + "/Webhook/{id:int}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Webhook, Guard.Api, webhooks.GetAsync));
        app.MapPut(V1 + "/Webhook/{id:int}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Webhook, Guard.Api, webhooks.UpdateAsync));
        app.MapPatch(V1 + "/Webhook/{id:int}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Webhook, Guard.Api, webhooks.PatchAsync));
        app.MapDelete(V1 + "/Webhook/{id:int}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Webhook, Guard.Api, webhooks.DeleteAsync));
        app.MapGet(V1 + "/Archive/{provider}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Archive, Guard.Api, archive.ProviderAsync));
        app.MapGet(V1 + "/{entity}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Archive, Guard.Api, archive.EntityAsync));
        app.MapPost(V1 + "/{entity}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Create, Guard.Api, entities.CreateAsync));
        app.MapGet(V1 + "/{entity}/default", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Default, Guard.Api, entities.DefaultAsync));
        app.MapGet(V1 + "/{entity}/{id:int}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Retrieve, Guard.Api, entities.GetAsync));
        app.MapPut(V1 + "/{entity}/{id:int}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Update, Guard.Api, entities.UpdateAsync));
        app.MapPatch(V1 + "/{entity}/{id:int}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Patch, Guard.Api, entities.PatchAsync));
        app.MapDelete(V1 + "/{entity}/{id:int}", http => pipeline.RunAsync(http, SuperOfficeEndpoint.Delete, Guard.Api, entities.DeleteAsync));

        app.MapFallback(async http =>
        {
            var body = ApiResponse.Error(StatusCodes.Status404NotFound, SoErrors.NotFound, $"No resource at {http.Request.Path}").Body!;
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted).ConfigureAwait(false);
        });
    }
}
