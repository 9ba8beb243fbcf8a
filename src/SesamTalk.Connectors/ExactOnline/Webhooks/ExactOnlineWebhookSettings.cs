using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.ExactOnline.Webhooks;

/// <summary>
/// What a division's webhooks need when notifications are on, checked when the host starts: the webhook secret, a
/// positive check interval, and the callback base URL its subscriptions are made to.
/// </summary>
internal static class ExactOnlineWebhookSettings
{
    public static ValidateOptionsResult Validate(ExactOnlineOptions options, SyncNotificationOptions notifications, string path)
    {
        if (!notifications.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.WebhookSecret.Length == 0)
        {
            failures.Add($"{path}:WebhookSecret is not set: the app's webhook secret from Exact's App Center, which signs its webhook notifications (SesamTalk:Notifications:Enabled is true).");
        }

        if (options.WebhookCheckInterval <= TimeSpan.Zero)
        {
            failures.Add($"{path}:WebhookCheckInterval must be positive (it is {options.WebhookCheckInterval}): how often the webhook subscriptions are checked, e.g. 00:05:00.");
        }

        if (notifications.CallbackBaseUrl is null)
        {
            failures.Add($"SesamTalk:Notifications:CallbackBaseUrl is not set: the public address of MapSesamTalkNotifications, which {path}'s webhook subscriptions call.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
