namespace SesamTalk.Connectors.LinkStore;

/// <summary>The change sources' positions in the systems' event streams, one row per system and channel.</summary>
public abstract partial class AdoNetLinkStore : IChangeSubscriptionStore
{
    /// <inheritdoc />
    public async Task<string?> GetSubscriptionPositionAsync(string system, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(system);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        var rows = await QueryAsync(
            "SELECT position FROM subscription_positions WHERE system = @system AND channel = @channel;",
            [("@system", system), ("@channel", channel)],
            r => r.GetString(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public Task SaveSubscriptionPositionAsync(string system, string channel, string position, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(system);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(position);
        return ExecuteAsync(
            "INSERT INTO subscription_positions (system, channel, position, updated_at) VALUES (@system, @channel, @position, @now) "
            + "ON CONFLICT (system, channel) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at;",
            [("@system", system), ("@channel", channel), ("@position", position), ("@now", _dialect.Time(_time.GetUtcNow()))],
            cancellationToken);
    }
}
