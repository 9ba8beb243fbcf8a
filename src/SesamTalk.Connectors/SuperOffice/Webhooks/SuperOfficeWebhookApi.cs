using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.SuperOffice.Webhooks;

/// <summary>
/// The tenant's <c>/api/v1/Webhook</c> resource, through the tenant's API client (bearer token, retries, call count).
/// The Webhook agent is not open to Online apps by default: SuperOffice answers 403 until access is granted.
/// </summary>
internal sealed class SuperOfficeWebhookApi(HttpClient http, SuperOfficeSession session)
{
    private const string Resource = "Webhook";

    // SuperOffice writes and reads members in PascalCase, as the records name them.
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Every webhook of the tenant.</summary>
    public async Task<IReadOnlyList<SuperOfficeWebhook>> ListAsync(CancellationToken cancellationToken) =>
        await SendAsync<List<SuperOfficeWebhook>>(HttpMethod.Get, "", null, cancellationToken).ConfigureAwait(false);

    /// <summary>One webhook; null when it is gone (404).</summary>
    public async Task<SuperOfficeWebhook?> GetAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync<SuperOfficeWebhook>(HttpMethod.Get, "/" + Id(id), null, cancellationToken).ConfigureAwait(false);
        }
        catch (SuperOfficeApiException error) when (error.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Registers a webhook; SuperOffice posts a test event to its target first and refuses the save unless it gets 200.</summary>
    public Task<SuperOfficeWebhook> CreateAsync(SuperOfficeWebhook webhook, CancellationToken cancellationToken) =>
        SendAsync<SuperOfficeWebhook>(HttpMethod.Post, "", webhook with { WebhookId = 0 }, cancellationToken);

    /// <summary>Saves <paramref name="webhook"/> over the one with its id (a merge patch of every member the source keeps).</summary>
    public Task<SuperOfficeWebhook> UpdateAsync(SuperOfficeWebhook webhook, CancellationToken cancellationToken) =>
        SendAsync<SuperOfficeWebhook>(HttpMethod.Patch, "/" + Id(webhook.WebhookId), webhook, cancellationToken);

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, SuperOfficeWebhook? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, session.ApiUrl.AbsoluteUri + "v1/" + Resource + path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, mediaType: new MediaTypeHeaderValue(method == HttpMethod.Patch ? "application/merge-patch+json" : "application/json"), options: Json);
        }

        // A merge patch sets the same members again, so it may be repeated; a lost POST may have registered the webhook.
        request.Options.Set(RetryHandler.Idempotent, method != HttpMethod.Post);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await SuperOfficeApiException.ReadAsync(response, Resource, path.TrimStart('/') is { Length: > 0 } id ? id : null, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException error)
        {
            throw new SuperOfficeApiException(response.StatusCode, SystemApiException.MalformedResponse, "The webhook response is not shaped as SuperOffice's: " + error.Message, Resource, null);
        }
    }
}
