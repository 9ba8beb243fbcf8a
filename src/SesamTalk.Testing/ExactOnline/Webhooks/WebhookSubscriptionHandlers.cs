using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.ExactOnline.Data;
using SesamTalk.Testing.ExactOnline.Handlers;
using SesamTalk.Testing.ExactOnline.Http;
using SesamTalk.Testing.ExactOnline.OData;
using SesamTalk.Testing.ExactOnline.Schema;
using static SesamTalk.Testing.ExactOnline.Schema.ApiOnlySets;

namespace SesamTalk.Testing.ExactOnline.Webhooks;

/// <summary>
/// <c>/api/v1/{division}/webhooks/WebhookSubscriptions</c>: GET a page or one subscription (<c>$select</c>,
/// <c>$filter</c>, <c>$top</c> as on the other sets), POST (201, <c>CallbackURL</c> and <c>Topic</c> mandatory) and
/// DELETE (204); no PUT, as the official .NET SDK's model says (<c>SupportedActionsSDK(true, true, false, true)</c>).
/// The properties are those picqer/exact-php-client's <c>WebhookSubscription</c> model and the API reference list.
/// A second subscription to the same topic and callback URL is refused: the references do not say what Exact does,
/// and two would post every notification twice.
/// </summary>
internal sealed class WebhookSubscriptionHandlers(ExactOnlineDivision division)
{
    private static readonly HashSet<string> Writable = new(StringComparer.Ordinal) { "CallbackURL", "Topic", "Description", "IsInstant" };

    public static EntitySchema Schema { get; } = new(Entity("WebhookSubscriptions",
        Key("ID", "guid"), Field("CallbackURL"), Field("ClientID", "guid"), Field("Created", "datetime"), Field("Creator", "guid"),
        Field("CreatorFullName"), Field("Description"), Field("Division", "int"), Field("IsInstant", "boolean"), Field("Topic"),
        Field("UserID", "guid")), "webhooks/WebhookSubscriptions", "WebhookSubscription", null, 0, "Exact.Web.Api.Models.Webhooks.");

    private WebhookSubscriptionStore Subscriptions => division.Webhooks.Subscriptions;

    public Task<ApiResponse> GetAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var key = Resolve(request);
        var options = QueryOptions.Parse(request, Schema);
        if (key is { } id)
        {
            return Task.FromResult(ApiResponse.Data(Project(Existing(id), options)));
        }

        var after = options.SkipToken is { } token ? EntityPath.ParseKey(token) : (Guid?)null;
        var rows = Subscriptions.All.Where(s => after is null || s.Id.CompareTo(after.Value) > 0).Where(s => options.Filter?.Invoke(Values(s)) ?? true);
        return Task.FromResult(Paging.Page(
            request, rows, division.Options.PageSize, options.Top, division.Urls.Root + Schema.Path, s => Project(s, options), s => $"guid'{s.Id}'"));
    }

    public async Task<ApiResponse> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (Resolve(request) is not null)
        {
            return ApiResponse.MethodNotAllowed("POST");
        }

        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (name, _) in body)
        {
            if (Schema.Field(name) is null)
            {
                return ApiResponse.BadRequest(ExactMessages.UnknownProperty(name, Schema.ModelType));
            }

            if (!Writable.Contains(name))
            {
                return ApiResponse.BadRequest(ExactMessages.ReadOnly(name));
            }
        }

        var callback = Text(body, "CallbackURL");
        var topic = Text(body, "Topic");
        var refusal = callback is null ? ExactMessages.Mandatory("CallbackURL")
            : topic is null ? ExactMessages.Mandatory("Topic")
            : !Uri.TryCreate(callback, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") ? ExactMessages.InvalidCallback(callback)
            : !WebhookTopics.IsDocumented(topic) ? ExactMessages.UnknownTopic(topic)
            : null;
        if (refusal is not null)
        {
            return ApiResponse.BadRequest(refusal);
        }

        var subscription = new ExactOnlineWebhookSubscription(Guid.NewGuid(), topic!, callback!, Text(body, "Description"), division.Now);
        if (Subscriptions.AddUnlessDuplicate(subscription) is not null)
        {
            return ApiResponse.BadRequest(ExactMessages.DuplicateSubscription(topic!));
        }

        return ApiResponse.Data(Project(subscription, null), StatusCodes.Status201Created) with
        {
            Headers = new Dictionary<string, string> { ["Location"] = SubscriptionUri(subscription.Id) },
        };
    }

    public Task<ApiResponse> DeleteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (Resolve(request) is not { } id)
        {
            return Task.FromResult(ApiResponse.MethodNotAllowed("DELETE"));
        }

        return Task.FromResult(Subscriptions.Remove(id) ? ApiResponse.NoContent : NotFound());
    }

    public static Task<ApiResponse> UpdateAsync(ApiRequest request, CancellationToken cancellationToken) => Task.FromResult(ApiResponse.MethodNotAllowed("PUT"));

    /// <summary>The key named in the path, if any; any other resource under <c>webhooks/</c> is a 404.</summary>
    private static Guid? Resolve(ApiRequest request)
    {
        var (name, key) = EntityPath.Split(request.Route("resource"));
        if (name != "WebhookSubscriptions")
        {
            throw new ApiException(ApiResponse.Error(StatusCodes.Status404NotFound, ExactMessages.NotFoundSegment(name)));
        }

        return key is null ? null : EntityPath.ParseKey(key);
    }

    private ExactOnlineWebhookSubscription Existing(Guid id) => Subscriptions.Find(id) ?? throw new ApiException(NotFound());

    private JsonObject Project(ExactOnlineWebhookSubscription subscription, QueryOptions? options)
    {
        var values = Values(subscription);
        var json = new JsonObject { ["__metadata"] = EntityJson.Metadata(SubscriptionUri(subscription.Id), Schema.ModelType) };
        foreach (var field in options?.Projection.Fields ?? Schema.Fields)
        {
            json[field.Name] = values[field.Name]?.DeepClone();
        }

        return json;
    }

    private JsonObject Values(ExactOnlineWebhookSubscription subscription) => new()
    {
        ["ID"] = subscription.Id.ToString(),
        ["CallbackURL"] = subscription.CallbackUrl,
        ["ClientID"] = division.Options.ClientId,
        ["Created"] = ExactDate.Format(subscription.Created),
        ["Creator"] = division.UserId.ToString(),
        ["CreatorFullName"] = ExactOnlineDivision.UserFullName,
        ["Description"] = subscription.Description,
        ["Division"] = division.Number,
        ["IsInstant"] = false,
        ["Topic"] = subscription.Topic,
        ["UserID"] = division.UserId.ToString(),
    };

    private string SubscriptionUri(Guid id) => $"{division.Urls.Root}{Schema.Path}(guid'{id}')";

    private static string? Text(JsonObject body, string name) => body[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static ApiResponse NotFound() => ApiResponse.Error(StatusCodes.Status404NotFound, ExactMessages.NotFoundSegment("WebhookSubscriptions"));
}
