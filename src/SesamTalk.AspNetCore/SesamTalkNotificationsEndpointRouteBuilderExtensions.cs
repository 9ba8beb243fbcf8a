using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.AspNetCore;
using SesamTalk.Connectors.Notifications;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Mounts SesamTalk's webhook receivers in the host app.</summary>
public static class SesamTalkNotificationsEndpointRouteBuilderExtensions
{
    /// <summary>The default prefix: callbacks arrive at <c>/sesamtalk/notifications/{system}</c>.</summary>
    public const string DefaultPrefix = "/sesamtalk/notifications";

    /// <summary>
    /// Maps <c>{prefix}/{system}</c> for every webhook receiver the system registrations added (one per Exact Online
    /// division, SuperOffice tenant and custom system; Salesforce streams its changes and needs none): each callback's
    /// raw body, headers and query go to the receiver named by the path, which checks the signature and tells the engine
    /// what changed; an unknown name is 404 and a body over <paramref name="maxBodyBytes"/> is 413. The receivers
    /// authenticate callbacks by their signatures, so the endpoints allow anonymous requests and skip antiforgery, also
    /// under a fallback authorization policy. Set <c>SesamTalk:Notifications:CallbackBaseUrl</c> to the public address
    /// of <c>{prefix}</c> so the systems are subscribed to it.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">Where the receivers live; <see cref="DefaultPrefix"/> unless the app chooses another.</param>
    /// <param name="maxBodyBytes">The largest callback body accepted. Default 1 MiB; the systems' events are a few hundred bytes.</param>
    /// <returns>The receivers' route group, for the host's conventions (rate limiting, host filtering).</returns>
    public static RouteGroupBuilder MapSesamTalkNotifications(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix, int maxBodyBytes = WebhookCallbacks.DefaultMaxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBodyBytes);
        var callbacks = new WebhookCallbacks(endpoints.ServiceProvider.GetServices<ISyncWebhookReceiver>(), maxBodyBytes);

        var group = endpoints.MapGroup(prefix);
        group.Map("/{system}", (Func<HttpContext, string, Task>)callbacks.HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithDisplayName("SesamTalk webhook callbacks");
        return group;
    }
}
