using Microsoft.Extensions.Logging;

namespace SesamTalk.Connectors.SuperOffice.Webhooks;

/// <summary>The SuperOffice change source's and receiver's log messages (never the secret or a signature).</summary>
internal static partial class SuperOfficeWebhookLog
{
    [LoggerMessage(801, LogLevel.Information, "SesamTalk {System}: SuperOffice raises no webhook events for {Types}; they stay on polling")]
    public static partial void Polled(ILogger logger, string system, string types);

    [LoggerMessage(802, LogLevel.Information, "SesamTalk {System}: SuperOffice webhook {WebhookId} posts {Events} to {TargetUrl}")]
    public static partial void Registered(ILogger logger, string system, int webhookId, string events, string targetUrl);

    [LoggerMessage(803, LogLevel.Warning, "SesamTalk {System}: SuperOffice webhook {WebhookId} was lost ({Reason}); setting it up again")]
    public static partial void Lost(ILogger logger, string system, int webhookId, string reason);

    [LoggerMessage(804, LogLevel.Warning, "SesamTalk {System}: could not set up or check the SuperOffice webhook; trying again in {Wait}")]
    public static partial void CheckFailed(ILogger logger, string system, TimeSpan wait, Exception error);

    [LoggerMessage(805, LogLevel.Warning, "SesamTalk {System}: refused a SuperOffice webhook callback: {Reason}")]
    public static partial void Refused(ILogger logger, string system, string reason);
}
