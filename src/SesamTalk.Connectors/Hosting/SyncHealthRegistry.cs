using System.Collections.Concurrent;

namespace SesamTalk.Connectors.Hosting;

/// <summary>How each system's flows last ended, as the engine reports them; the health checks read it.</summary>
public sealed class SyncHealthRegistry
{
    private readonly ConcurrentDictionary<string, SyncSystemStatus> _systems = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<SyncTarget, SyncNotificationLoss> _lostNotifications = new();

    /// <summary>A flow with <paramref name="system"/> ran to the end.</summary>
    /// <param name="system">The system.</param>
    /// <param name="at">When.</param>
    public void Succeeded(string system, DateTimeOffset at) =>
        _systems[system] = new SyncSystemStatus(at, Succeeded: true, NeedsReauthorization: false, Error: null);

    /// <summary>A flow with <paramref name="system"/> stopped because of <paramref name="error"/>.</summary>
    /// <param name="system">The system.</param>
    /// <param name="error">Why.</param>
    /// <param name="at">When.</param>
    public void Failed(string system, Exception error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        var cause = error is SyncConnectorException { InnerException: { } inner } ? inner : error;
        var refused = cause is ISyncCredentialsFailure { NeedsReauthorization: true };
        _systems[system] = new SyncSystemStatus(at, Succeeded: false, refused, error.Message);
    }

    /// <summary>The last outcome with <paramref name="system"/>, or null before its first flow ran.</summary>
    /// <param name="system">The system.</param>
    public SyncSystemStatus? Get(string system) => _systems.TryGetValue(system, out var status) ? status : null;

    /// <summary>The change subscription of <paramref name="target"/> is lost: its flows poll every <paramref name="polling"/> until it is live again.</summary>
    internal void NotificationsLost(SyncTarget target, string reason, TimeSpan polling, DateTimeOffset at) =>
        _lostNotifications[target] = new SyncNotificationLoss(target, reason, polling, at);

    /// <summary>The change subscription of <paramref name="target"/> is live (again).</summary>
    internal void NotificationsLive(SyncTarget target) => _lostNotifications.TryRemove(target, out _);

    /// <summary>The lost change subscriptions of <paramref name="system"/>, by type.</summary>
    internal IReadOnlyList<SyncNotificationLoss> NotificationsLost(string system) =>
        _lostNotifications.Values.Where(loss => string.Equals(loss.Target.System, system, StringComparison.OrdinalIgnoreCase)).OrderBy(loss => loss.Target.Type, StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>A lost change subscription: since when, why, and how often its flows poll meanwhile.</summary>
internal sealed record SyncNotificationLoss(SyncTarget Target, string Reason, TimeSpan PollingInterval, DateTimeOffset Since);

/// <summary>How a system's last flow ended.</summary>
/// <param name="At">When it ended.</param>
/// <param name="Succeeded">Whether it ran to the end.</param>
/// <param name="NeedsReauthorization">Whether the system refused the stored grant (invalid_grant): a person must authorise the app again.</param>
/// <param name="Error">The error's message (never credentials), or null.</param>
public sealed record SyncSystemStatus(DateTimeOffset At, bool Succeeded, bool NeedsReauthorization, string? Error);
