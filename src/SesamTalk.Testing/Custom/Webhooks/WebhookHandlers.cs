using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Custom.Http;

namespace SesamTalk.Testing.Custom.Webhooks;

/// <summary>
/// <c>POST /webhooks</c>, <c>GET /webhooks</c>, <c>GET /webhooks/{id}</c> and <c>DELETE /webhooks/{id}</c>: subscriptions
/// to the system's record writes. The secret is shown once, in the answer to the create.
/// </summary>
internal sealed class WebhookHandlers(CustomApi api, WebhookRegistry registry)
{
    public const int MaxTypes = 100;
    public const int MaxDescriptionLength = 255;
    public const int MinSecretLength = 32;
    public const int MaxSecretLength = 128;

    public async Task<CustomResponse> CreateAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        var errors = new List<CustomFieldError>();
        var url = Url(body["url"], errors);
        var types = Types(body["types"], errors);
        var description = Text(body, "description", errors, text => text.Length <= MaxDescriptionLength, "too-long", $"'description' is at most {MaxDescriptionLength} characters.");
        var secret = Text(body, "secret", errors, IsSecret, "invalid-secret", $"'secret' is {MinSecretLength} to {MaxSecretLength} printable ASCII characters without spaces.");
        if (errors.Count > 0)
        {
            return Problems.Create(
                StatusCodes.Status400BadRequest, "validation", "The webhook is not valid.",
                "Webhook (new): " + string.Join(" ", errors.Select(e => e.Message)), request.Instance, errors: errors);
        }

        var subscription = registry.Create(url!, types, description, secret);
        var json = WebhookJson.Write(subscription.Snapshot());
        json["secret"] = subscription.Secret;
        return new CustomResponse(StatusCodes.Status201Created, json)
            .WithHeader("Location", request.Instance.TrimEnd('/') + "/" + subscription.Id);
    }

    public Task<CustomResponse> ListAsync(CustomRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new CustomResponse(
            StatusCodes.Status200OK, new JsonObject { ["webhooks"] = new JsonArray([.. registry.List().Select(w => (JsonNode)WebhookJson.Write(w))]) }));

    public Task<CustomResponse> GetAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var id = request.Route("id");
        return Task.FromResult(registry.Get(id) is { } webhook
            ? new CustomResponse(StatusCodes.Status200OK, WebhookJson.Write(webhook))
            : NotFound(request.Instance, id));
    }

    public Task<CustomResponse> DeleteAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var id = request.Route("id");
        return Task.FromResult(registry.Delete(id) ? CustomResponse.NoContent : NotFound(request.Instance, id));
    }

    private static CustomResponse NotFound(string instance, string id) => Problems.Create(
        StatusCodes.Status404NotFound, "not-found", "The webhook does not exist.", $"Webhook {id} does not exist.", instance);

    /// <summary>An absolute https URL, or http on loopback (a test's or a developer's receiver).</summary>
    private static Uri? Url(JsonNode? node, List<CustomFieldError> errors)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text)
            && Uri.TryCreate(text, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && (url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip)))))
        {
            return url;
        }

        errors.Add(new CustomFieldError("url", "invalid-url", "'url' must be an absolute https URL (http only on loopback)."));
        return null;
    }

    /// <summary>1 to <see cref="MaxTypes"/> record types the system has, under their catalog spelling.</summary>
    private List<string> Types(JsonNode? node, List<CustomFieldError> errors)
    {
        var names = node is JsonArray array && array.All(n => n is JsonValue v && v.TryGetValue<string>(out _))
            ? array.Select(n => (string)n!).ToList()
            : null;
        if (names is null || names.Count is 0 or > MaxTypes)
        {
            errors.Add(new CustomFieldError("types", "invalid-types", $"'types' must be an array of 1 to {MaxTypes} record type names."));
            return [];
        }

        var unknown = names.Where(n => api.KnownType(n) is null).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new CustomFieldError("types", "unknown-type", $"This system has no record type {string.Join(", ", unknown.Select(n => $"'{n}'"))}."));
            return [];
        }

        return [.. names.Select(n => api.KnownType(n)!).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>An optional text member: null when absent, else checked by <paramref name="valid"/>.</summary>
    private static string? Text(JsonObject body, string member, List<CustomFieldError> errors, Func<string, bool> valid, string code, string message)
    {
        var node = body[member];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text) && valid(text))
        {
            return text;
        }

        errors.Add(new CustomFieldError(member, code, message));
        return null;
    }

    private static bool IsSecret(string text) =>
        text.Length is >= MinSecretLength and <= MaxSecretLength && text.All(c => c is > ' ' and < (char)127);
}
