using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SesamTalk.Testing.Custom.Emulation;
using SesamTalk.Testing.Custom.Schema;
using SesamTalk.Testing.Custom.Webhooks;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>
/// Maps the contract's URLs to their handlers, each run through the <see cref="CustomPipeline"/>. The one HTTP surface
/// of hosts and emulator; the webhook endpoints only when there is a webhook registry (the emulator's).
/// </summary>
internal static class CustomRoutes
{
    public static RouteGroupBuilder Map(
        IEndpointRouteBuilder endpoints, string prefix, ICustomRecordStore store, CustomSystemOptions options, EmulatorControls? controls, WebhookRegistry? webhooks = null)
    {
        var catalog = options.Catalog is null ? null : CustomCatalog.Parse(options.Catalog);
        var api = new CustomApi(store, catalog, options.TimeProvider ?? TimeProvider.System);
        var pipeline = new CustomPipeline(options.ApiKey, controls);
        var records = new RecordHandlers(api);
        var changes = new ChangeHandlers(api);
        var search = new SearchHandlers(api);
        var reads = new ReadManyHandlers(api);
        var batch = new BatchHandlers(api, records);

        RequestDelegate Run(CustomEndpoint endpoint, Func<CustomRequest, CancellationToken, Task<CustomResponse>> handler) =>
            http => pipeline.RunAsync(http, endpoint, handler);

        var group = endpoints.MapGroup(prefix);
        group.MapGet("/{type}/changes", Run(CustomEndpoint.Changes, changes.ChangesAsync));
        group.MapPost("/{type}/search", Run(CustomEndpoint.Search, search.SearchAsync));
        group.MapPost("/{type}/read", Run(CustomEndpoint.ReadMany, reads.ReadManyAsync));
        group.MapPost("/{type}/batch", Run(CustomEndpoint.Batch, batch.BatchAsync));
        group.MapPost("/{type}", Run(CustomEndpoint.Create, records.CreateAsync));
        group.MapGet("/{type}/{id}", Run(CustomEndpoint.Get, records.GetAsync));
        group.MapPut("/{type}/{id}", Run(CustomEndpoint.Update, records.UpdateAsync));
        group.MapDelete("/{type}/{id}", Run(CustomEndpoint.Delete, records.DeleteAsync));
        if (webhooks is not null)
        {
            // Literal segments take precedence over {type}, so these never reach the record handlers.
            var subscriptions = new WebhookHandlers(api, webhooks);
            group.MapPost("/webhooks", Run(CustomEndpoint.CreateWebhook, subscriptions.CreateAsync));
            group.MapGet("/webhooks", Run(CustomEndpoint.ListWebhooks, subscriptions.ListAsync));
            group.MapGet("/webhooks/{id}", Run(CustomEndpoint.GetWebhook, subscriptions.GetAsync));
            group.MapDelete("/webhooks/{id}", Run(CustomEndpoint.DeleteWebhook, subscriptions.DeleteAsync));
        }

        return group;
    }
}
