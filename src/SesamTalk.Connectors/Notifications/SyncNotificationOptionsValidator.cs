using Microsoft.Extensions.Options;

namespace SesamTalk.Connectors.Notifications;

/// <summary>Checks <c>SesamTalk:Notifications</c> when the host starts, naming each setting that is wrong.</summary>
internal sealed class SyncNotificationOptionsValidator : IValidateOptions<SyncNotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncNotificationOptions options)
    {
        var failures = new List<string>();
        if (options.CoalesceWindow <= TimeSpan.Zero)
        {
            failures.Add($"SesamTalk:Notifications:CoalesceWindow must be positive (it is {options.CoalesceWindow}): how long a flow's notifications are gathered into one cycle, e.g. 00:00:00.250.");
        }

        if (options.SafetyPollInterval <= TimeSpan.Zero)
        {
            failures.Add($"SesamTalk:Notifications:SafetyPollInterval must be positive (it is {options.SafetyPollInterval}): how often a flow whose every side notifies still polls, e.g. 01:00:00.");
        }

        if (options.CallbackBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"SesamTalk:Notifications:CallbackBaseUrl must be an absolute http(s) address (it is {url}): where the systems' webhooks reach MapSesamTalkNotifications.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
