using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Handlers;
using SesamTalk.Testing.SuperOffice.Http;

namespace SesamTalk.Testing.SuperOffice.Webhooks;

/// <summary>
/// <c>/{tenant}/api/v1/Webhook[/{id}]</c>: GET all (<c>nameFilter</c>, <c>eventFilter</c>, <c>statusFilter</c>), GET
/// <c>default</c>, GET one, POST (create), PUT (whole: left-out members emptied), PATCH (merge patch or JSON Patch) and
/// DELETE (204). Every save that leaves the webhook Active first posts a test event to its target, as NetServer's
/// WebhookManager does, and fails with 400 unless the target answers 200; a save also clears the failure count, so
/// setting a TooManyErrors webhook Active again starts its deliveries afresh.
/// </summary>
internal sealed class WebhookHandlers(SuperOfficeTenant tenant)
{
    public Task<ApiResponse> ListAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var name = request.Query("nameFilter");
        var eventName = request.Query("eventFilter");
        var status = request.Query("statusFilter") is { Length: > 0 } filter
            ? WebhookJson.ParseState(filter) ?? throw SoException.BadQuery(SoErrors.InvalidValue("statusFilter", filter))
            : WebhookState.Unknown;
        var found = tenant.Webhooks.All()
            .Where(w => name is not { Length: > 0 } || string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase))
            .Where(w => eventName is not { Length: > 0 } || w.Events.Contains(eventName, StringComparer.OrdinalIgnoreCase))
            .Where(w => status == WebhookState.Unknown || w.State == status);
        return Task.FromResult(ApiResponse.Ok(new JsonArray([.. found.Select(w => (JsonNode)WebhookJson.Render(w, tenant.Zone))])));
    }

    public Task<ApiResponse> DefaultAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(WebhookJson.Render(WebhookJson.Default(), tenant.Zone)));

    public Task<ApiResponse> GetAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(Render(Existing(request))));

    public async Task<ApiResponse> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        var webhook = new WebhookDefinition { Registered = tenant.Now };
        return await SaveAsync(webhook, body, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiResponse> UpdateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        var existing = Existing(request);
        var webhook = new WebhookDefinition { WebhookId = existing.WebhookId, Registered = existing.Registered };
        return await SaveAsync(webhook, body, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiResponse> PatchAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonAsync(cancellationToken).ConfigureAwait(false);
        return await SaveAsync(Existing(request), body as JsonObject ?? JsonPatch.ToMergePatch(body.AsArray()), cancellationToken).ConfigureAwait(false);
    }

    public Task<ApiResponse> DeleteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var id = WebhookJson.Id(request.Route("id"));
        return Task.FromResult(tenant.Webhooks.Remove(id) ? ApiResponse.NoContent : throw NotFound(id));
    }

    private async Task<ApiResponse> SaveAsync(WebhookDefinition webhook, JsonObject body, CancellationToken cancellationToken)
    {
        WebhookJson.Apply(webhook, body);
        if (webhook.State == WebhookState.Active
            && await tenant.WebhookPoster.PostAsync(webhook, tenant.WebhookEvents.Test(webhook, tenant.Now), 0, cancellationToken).ConfigureAwait(false) is { } error)
        {
            throw SoException.BadRequest("The webhook's TargetUrl did not answer the test event with 200 OK: " + error);
        }

        webhook.Updated = tenant.Now;
        webhook.ConsecutiveErrors = 0;
        return tenant.Webhooks.Save(webhook) ? ApiResponse.Ok(Render(webhook)) : throw NotFound(webhook.WebhookId);
    }

    private JsonObject Render(WebhookDefinition webhook) =>
        WebhookJson.Render(webhook, tenant.Zone, tenant.ApiRoot + "v1/Webhook/" + webhook.WebhookId.ToString(CultureInfo.InvariantCulture));

    private WebhookDefinition Existing(ApiRequest request)
    {
        var id = WebhookJson.Id(request.Route("id"));
        return tenant.Webhooks.Find(id) ?? throw NotFound(id);
    }

    private static SoException NotFound(int id) => SoException.NotFound("Webhook", id);
}
