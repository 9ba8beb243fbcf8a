namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// Where change sources keep their place in a system's event stream (a Salesforce replay id), durably, so a restart
/// resumes after the last event handled instead of missing what was sent meanwhile. One position per system instance
/// and channel. The link stores SesamTalk ships (SQLite, PostgreSQL) implement it; over a store that does not, a
/// change source starts from the newest event each time.
/// </summary>
public interface IChangeSubscriptionStore
{
    /// <summary>The stored position of a channel, or <see langword="null"/> when none was saved.</summary>
    /// <param name="system">The system instance's name, e.g. <c>Salesforce</c> (compared case-insensitively).</param>
    /// <param name="channel">The channel, e.g. <c>/data/AccountChangeEvent</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<string?> GetSubscriptionPositionAsync(string system, string channel, CancellationToken cancellationToken = default);

    /// <summary>Stores the position of a channel, replacing the one before.</summary>
    /// <param name="system">The system instance's name.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="position">The position to resume after (opaque to the store).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task SaveSubscriptionPositionAsync(string system, string channel, string position, CancellationToken cancellationToken = default);
}
