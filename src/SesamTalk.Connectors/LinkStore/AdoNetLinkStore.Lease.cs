namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// Flow leases: one atomic statement each, so two processes on one store never both hold a flow. A released lease keeps
/// its row (no owner, expired), so the flow's epoch never repeats. Times are the store's clock, so the clocks of
/// processes that share a store should agree to well within a lease's duration.
/// </summary>
public abstract partial class AdoNetLinkStore
{
    /// <inheritdoc />
    public async Task<SyncLease?> TryAcquireLeaseAsync(SyncFlowId flow, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _time.GetUtcNow();

        // Inserts a free lease, or takes it over when it has expired or is already ours; otherwise changes no row.
        var epochs = await QueryAsync(
            "INSERT INTO leases (entity, system, type, owner, acquired_at, expires_at, epoch) VALUES (@entity, @system, @type, @owner, @now, @expires, 1) "
            + "ON CONFLICT (entity, system, type) DO UPDATE SET owner = excluded.owner, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at, "
            + "epoch = leases.epoch + 1 WHERE leases.expires_at <= @now OR leases.owner = @owner RETURNING epoch;",
            LinkStoreDb.Flow(flow, ("@owner", owner), ("@now", _dialect.Time(now)), ("@expires", _dialect.Time(now + duration))),
            reader => reader.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return epochs.Count > 0 ? new SyncLease(flow, owner, epochs[0]) : null;
    }

    /// <inheritdoc />
    public async Task<bool> RenewLeaseAsync(SyncFlowId flow, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _time.GetUtcNow();

        // Still ours means nobody took it over, even when it lapsed in between. A renewal need not be on disk before the
        // cycle goes on: the power cut that loses it stops its holder too, and the lease runs out as it would have.
        var connection = await OpenConnectionForRenewalAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await LinkStoreDb.ExecuteAsync(
                connection,
                null,
                "UPDATE leases SET expires_at = @expires WHERE " + FlowIs + " AND owner = @owner;",
                LinkStoreDb.Flow(flow, ("@owner", owner), ("@expires", _dialect.Time(now + duration))),
                cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseLeaseAsync(SyncFlowId flow, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return await ExecuteAsync(
            "UPDATE leases SET owner = '', expires_at = " + _dialect.Least + "(expires_at, @now) WHERE " + FlowIs + " AND owner = @owner;",
            LinkStoreDb.Flow(flow, ("@owner", owner), ("@now", _dialect.Time(_time.GetUtcNow()))),
            cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<string?> GetLeaseOwnerAsync(SyncFlowId flow, CancellationToken cancellationToken = default)
    {
        var owners = await QueryAsync(
            "SELECT owner FROM leases WHERE " + FlowIs + " AND expires_at > @now AND owner <> '';",
            LinkStoreDb.Flow(flow, ("@now", _dialect.Time(_time.GetUtcNow()))),
            reader => reader.GetString(0),
            cancellationToken).ConfigureAwait(false);
        return owners.Count > 0 ? owners[0] : null;
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetLeaseTakenAtAsync(SyncFlowId flow, CancellationToken cancellationToken = default)
    {
        var times = await QueryAsync(
            "SELECT acquired_at FROM leases WHERE " + FlowIs + ";",
            LinkStoreDb.Flow(flow),
            reader => _dialect.ReadTime(reader, 0),
            cancellationToken).ConfigureAwait(false);
        return times.Count > 0 ? times[0] : null;
    }

    /// <inheritdoc />
    public async Task<SyncLease?> TakeOverLeaseAsync(SyncFlowId flow, string formerOwner, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(formerOwner);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        var epochs = await QueryAsync(
            "UPDATE leases SET owner = @owner, acquired_at = @now, expires_at = @expires, epoch = epoch + 1 WHERE " + FlowIs + " AND owner = @former RETURNING epoch;",
            LinkStoreDb.Flow(flow, ("@owner", owner), ("@former", formerOwner), ("@now", _dialect.Time(now)), ("@expires", _dialect.Time(now + duration))),
            reader => reader.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return epochs.Count > 0 ? new SyncLease(flow, owner, epochs[0]) : null;
    }

    /// <summary>
    /// Whether <paramref name="lease"/> is still its flow's, run first in a commit's transaction, which no take-over can
    /// come into before it ends (SQLite's IMMEDIATE transaction shuts other writers out; PostgreSQL locks the row FOR SHARE).
    /// </summary>
    internal static async Task<bool> IsLeaseHeldAsync(LinkStoreWriter writer, SyncLease lease, CancellationToken cancellationToken) =>
        (await writer.QueryAsync(
            "SELECT 1 FROM leases WHERE " + FlowIs + " AND owner = @owner AND epoch = @epoch" + writer.Dialect.LockLeaseRow + ";",
            LinkStoreDb.Flow(lease.Flow, ("@owner", lease.Owner), ("@epoch", lease.Epoch)),
            _ => true,
            cancellationToken).ConfigureAwait(false)).Count > 0;
}
