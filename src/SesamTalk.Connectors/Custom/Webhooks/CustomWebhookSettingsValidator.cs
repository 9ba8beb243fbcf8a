using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Custom.Webhooks;

/// <summary>
/// Checks a custom system's webhook settings when the host starts: a <c>WebhookSecret</c>, when set, must be 32 to 128
/// printable characters without spaces (what the contract accepts), and with notifications on it needs
/// <c>SesamTalk:Notifications:CallbackBaseUrl</c>, where the system is to deliver; the tolerance and the check interval
/// must be positive. Names the setting, never its value.
/// </summary>
internal sealed class CustomWebhookSettingsValidator(string system, string sectionPath, IOptionsMonitor<SyncNotificationOptions> notifications)
    : IValidateOptions<CustomConnectorOptions>
{
    public const int MinSecretLength = 32;
    public const int MaxSecretLength = 128;

    public ValidateOptionsResult Validate(string? name, CustomConnectorOptions options)
    {
        if (!string.Equals(name, system, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var secret = options.WebhookSecret;
        if (secret.Length > 0 && (secret.Length is < MinSecretLength or > MaxSecretLength || secret.Any(c => c is <= ' ' or >= (char)127)))
        {
            failures.Add($"{sectionPath}:WebhookSecret must be {MinSecretLength} to {MaxSecretLength} printable ASCII characters without spaces.");
        }

        if (secret.Length > 0 && notifications.CurrentValue is { Enabled: true, CallbackBaseUrl: null })
        {
            failures.Add($"SesamTalk:Notifications:CallbackBaseUrl is not set: the public address of MapSesamTalkNotifications, where {system} is to deliver its webhooks.");
        }

        if (options.WebhookTolerance <= TimeSpan.Zero)
        {
            failures.Add($"{sectionPath}:WebhookTolerance must be positive.");
        }

        if (options.WebhookCheckInterval <= TimeSpan.Zero)
        {
            failures.Add($"{sectionPath}:WebhookCheckInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
