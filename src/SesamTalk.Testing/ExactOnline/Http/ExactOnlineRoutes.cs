using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SesamTalk.Testing.ExactOnline.Auth;
using SesamTalk.Testing.ExactOnline.Handlers;
using SesamTalk.Testing.ExactOnline.Webhooks;
using SesamTalk.Testing.Http;
using Handler = System.Func<SesamTalk.Testing.ExactOnline.Http.ApiRequest, System.Threading.CancellationToken, System.Threading.Tasks.Task<SesamTalk.Testing.ExactOnline.Http.ApiResponse>>;

namespace SesamTalk.Testing.ExactOnline.Http;

/// <summary>Maps the emulated Exact Online URLs to their handlers, each run through the <see cref="RequestPipeline"/>.</summary>
internal static class ExactOnlineRoutes
{
    public static void Map(IEndpointRouteBuilder app, ExactOnlineDivision division)
    {
        var pipeline = new RequestPipeline(division);
        var authorize = new AuthorizeEndpoint(division);
        var token = new TokenEndpoint(division);
        var me = new MeHandler(division);
        var entities = new EntityHandlers(division);
        var sync = new SyncHandlers(division);
        var divisions = new DivisionHandlers(division);
        var webhooks = new WebhookSubscriptionHandlers(division);

        app.MapGet("/api/oauth2/auth", http => pipeline.RunAsync(http, ExactOnlineEndpoint.Authorize, "", Guard.Open, authorize.HandleAsync));
        app.MapPost("/api/oauth2/token", http => pipeline.RunAsync(http, ExactOnlineEndpoint.Token, "", Guard.Open, token.HandleAsync));
        app.MapGet("/api/v1/current/Me", http => pipeline.RunAsync(http, ExactOnlineEndpoint.Me, "", Guard.Api, me.GetAsync));

        app.MapGet("/api/v1/{division}/hrm/{resource}", http =>
            pipeline.RunAsync(http, ExactOnlineEndpoint.Divisions, "Divisions", Guard.Api, divisions.HrmAsync));
        app.MapGet("/api/v1/{division}/system/{resource}", http =>
            pipeline.RunAsync(http, ExactOnlineEndpoint.Divisions, "SystemDivisions", Guard.Api, divisions.SystemAsync));
        app.MapGet("/api/v1/{division}/sync/Deleted", http =>
            pipeline.RunAsync(http, ExactOnlineEndpoint.SyncDeleted, "Deleted", Guard.Api, sync.DeletedAsync));
        app.MapGet("/api/v1/{division}/sync/{service}/{entity}", http =>
            pipeline.RunAsync(http, ExactOnlineEndpoint.Sync, SyncEntity(division, http), Guard.Api, sync.EntitiesAsync));
        MapReadWrite(app, pipeline, "/api/v1/{division}/webhooks/{resource}", _ => "WebhookSubscriptions",
            webhooks.GetAsync, webhooks.CreateAsync, WebhookSubscriptionHandlers.UpdateAsync, webhooks.DeleteAsync);
        app.MapGet("/api/v1/{division}/{service}/{resource}/$count", http =>
            pipeline.RunAsync(http, ExactOnlineEndpoint.Count, Entity(division, http), Guard.Api, entities.CountAsync));
        MapReadWrite(app, pipeline, "/api/v1/{division}/{service}/{resource}", http => Entity(division, http),
            entities.GetAsync, entities.CreateAsync, entities.UpdateAsync, entities.DeleteAsync);

        app.MapFallback(async http =>
        {
            var segment = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            var body = ApiResponse.Error(StatusCodes.Status404NotFound, ExactMessages.NotFoundSegment(segment)).Body!;
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// Maps GET (a page, or one entity when the last segment carries a key), POST, PUT and DELETE of a resource, each
    /// counted as its <see cref="ExactOnlineEndpoint"/> for the entity set <paramref name="entity"/> names.
    /// </summary>
    private static void MapReadWrite(
        IEndpointRouteBuilder app, RequestPipeline pipeline, string pattern, Func<HttpContext, string> entity,
        Handler get, Handler create, Handler update, Handler delete) =>
        app.MapMethods(pattern, ["GET", "POST", "PUT", "DELETE"], http =>
        {
            var keyed = EntityPath.Split(http.GetRouteValue("resource") as string ?? "").Key is not null;
            var (endpoint, handler) = http.Request.Method switch
            {
                "POST" => (ExactOnlineEndpoint.Create, create),
                "PUT" => (ExactOnlineEndpoint.Update, update),
                "DELETE" => (ExactOnlineEndpoint.Delete, delete),
                _ => (keyed ? ExactOnlineEndpoint.Retrieve : ExactOnlineEndpoint.List, get),
            };
            return pipeline.RunAsync(http, endpoint, entity(http), Guard.Api, handler);
        });

    /// <summary>The catalog name of the set a REST URL addresses (for call counts), or the raw segment when unknown.</summary>
    private static string Entity(ExactOnlineDivision division, HttpContext http)
    {
        var name = EntityPath.Split(http.GetRouteValue("resource") as string ?? "").Name;
        return division.Catalog.FindByPath(http.GetRouteValue("service") as string ?? "", name)?.Name ?? name;
    }

    private static string SyncEntity(ExactOnlineDivision division, HttpContext http)
    {
        var name = http.GetRouteValue("entity") as string ?? "";
        return division.Catalog.FindBySyncPath(http.GetRouteValue("service") as string ?? "", name)?.Name ?? name;
    }
}
