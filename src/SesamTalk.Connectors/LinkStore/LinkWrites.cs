namespace SesamTalk.Connectors.LinkStore;

/// <summary>The link store's writes, each run inside a commit's transaction.</summary>
internal static class LinkWrites
{
    private const string FlowIs = LinkStoreDb.FlowIs;

    /// <summary>
    /// Inserts a link, then saves <paramref name="fingerprints"/> when given; the same pair again is a no-op but for the
    /// fingerprints, a clash on either id throws <see cref="SyncLinkConflictException"/>. The insert goes first and the
    /// ids are only looked at when it did nothing. (A commit's runs of new links go through <see cref="LinkBatches"/>,
    /// which falls back to this to name a clash; so only links by hand, which have no match value, are inserted here.)
    /// </summary>
    public static async Task SaveLinkAsync(LinkStoreWriter writer, SyncLink link, LinkFingerprints? fingerprints, CancellationToken cancellationToken)
    {
        var flow = new SyncFlowId(link.Entity, link.Target);
        var inserted = await writer.ExecuteAsync(
            "INSERT INTO links (entity, system, type, local_id, remote_id, provenance, match_key, linked_at) "
            + "VALUES (@entity, @system, @type, @local, @remote, @provenance, @matchKey, @linkedAt) ON CONFLICT DO NOTHING;",
            LinkStoreDb.Flow(
                flow,
                ("@local", link.LocalId),
                ("@remote", link.RemoteId),
                ("@provenance", (int)link.Provenance),
                ("@matchKey", link.MatchKey),
                ("@linkedAt", writer.Dialect.Time(link.LinkedAt))),
            cancellationToken).ConfigureAwait(false);
        if (inserted == 0)
        {
            await ThrowIfTakenAsync(writer, flow, link, cancellationToken).ConfigureAwait(false);
        }

        if (fingerprints is not null)
        {
            await SaveFingerprintsAsync(writer, flow, link.LocalId, fingerprints, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Throws when either id of a link that could not be inserted is linked to another record (the same pair is no clash).</summary>
    private static async Task ThrowIfTakenAsync(LinkStoreWriter writer, SyncFlowId flow, SyncLink link, CancellationToken cancellationToken)
    {
        var linkedRemote = await writer.QueryAsync(
            "SELECT remote_id FROM links WHERE " + FlowIs + " AND local_id = @local;",
            LinkStoreDb.Flow(flow, ("@local", link.LocalId)),
            r => r.GetString(0),
            cancellationToken).ConfigureAwait(false);
        if (linkedRemote.Count == 0)
        {
            var linkedLocal = await writer.QueryAsync(
                "SELECT local_id FROM links WHERE " + FlowIs + " AND remote_id = @remote;",
                LinkStoreDb.Flow(flow, ("@remote", link.RemoteId)),
                r => r.GetString(0),
                cancellationToken).ConfigureAwait(false);
            throw SyncLinkConflictException.RemoteTaken(link, linkedLocal.Count > 0 ? linkedLocal[0] : "?");
        }

        if (!string.Equals(linkedRemote[0], link.RemoteId, StringComparison.Ordinal))
        {
            throw SyncLinkConflictException.LocalTaken(link, linkedRemote[0]);
        }
    }

    /// <summary>Removes whatever links the host record or the remote record has in the flow.</summary>
    public static Task<int> RemoveLinksOfAsync(LinkStoreWriter writer, SyncFlowId flow, string localId, string remoteId, CancellationToken cancellationToken) =>
        writer.ExecuteAsync("DELETE FROM links WHERE " + FlowIs + " AND (local_id = @local OR remote_id = @remote);",
            LinkStoreDb.Flow(flow, ("@local", localId), ("@remote", remoteId)),
            cancellationToken);

    /// <summary>Removes the host record's link in the flow.</summary>
    public static async Task<bool> UnlinkAsync(LinkStoreWriter writer, SyncFlowId flow, string localId, CancellationToken cancellationToken) =>
        await writer.ExecuteAsync("DELETE FROM links WHERE " + FlowIs + " AND local_id = @local;",
            LinkStoreDb.Flow(flow, ("@local", localId)),
            cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>Replaces a link's fingerprints and agreed state; throws when the link does not exist.</summary>
    public static async Task SaveFingerprintsAsync(LinkStoreWriter writer, SyncFlowId flow, string localId, LinkFingerprints fingerprints, CancellationToken cancellationToken)
    {
        var changed = await writer.ExecuteAsync("UPDATE links SET local_read = @localRead, local_written = @localWritten, remote_read = @remoteRead, remote_written = @remoteWritten, agreed = @agreed "
            + "WHERE " + FlowIs + " AND local_id = @local;",
            LinkStoreDb.Flow(
                flow,
                ("@local", localId),
                ("@localRead", fingerprints.LocalRead),
                ("@localWritten", fingerprints.LocalWritten),
                ("@remoteRead", fingerprints.RemoteRead),
                ("@remoteWritten", fingerprints.RemoteWritten),
                ("@agreed", fingerprints.Agreed)),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new InvalidOperationException($"{flow.Entity} '{localId}' has no link to {flow.Target}; save the link before its fingerprints.");
        }
    }

    /// <summary>Sets a cursor.</summary>
    public static Task SaveCursorAsync(LinkStoreWriter writer, SyncFlowId flow, SyncSide side, string cursor, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.ExecuteAsync("INSERT INTO cursors (entity, system, type, side, value, updated_at) VALUES (@entity, @system, @type, @side, @value, @now) "
            + "ON CONFLICT (entity, system, type, side) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;",
            LinkStoreDb.Flow(flow, ("@side", (int)side), ("@value", cursor), ("@now", writer.Dialect.Time(now))),
            cancellationToken);

    /// <summary>Appends a conflict.</summary>
    public static Task RecordConflictAsync(LinkStoreWriter writer, ConflictRecord conflict, CancellationToken cancellationToken) =>
        writer.ExecuteAsync("INSERT INTO conflicts (entity, system, type, local_id, remote_id, field, local_value, remote_value, rule, winner, occurred_at) "
            + "VALUES (@entity, @system, @type, @local, @remote, @field, @localValue, @remoteValue, @rule, @winner, @at);",
            LinkStoreDb.Flow(
                conflict.Flow,
                ("@local", conflict.LocalId),
                ("@remote", conflict.RemoteId),
                ("@field", conflict.Field),
                ("@localValue", conflict.LocalValue),
                ("@remoteValue", conflict.RemoteValue),
                ("@rule", (int)conflict.Rule),
                ("@winner", (int)conflict.Winner),
                ("@at", writer.Dialect.Time(conflict.At))),
            cancellationToken);

    /// <summary>Quarantines a record, or counts another attempt and holds it again (or releases it at once).</summary>
    public static Task QuarantineAsync(LinkStoreWriter writer, SyncFlowId flow, SyncSide side, string recordId, string error, string? payload, bool released, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.ExecuteAsync("INSERT INTO quarantine (entity, system, type, side, record_id, error, payload, first_at, last_at, attempts, released_at) "
            + "VALUES (@entity, @system, @type, @side, @record, @error, @payload, @now, @now, 1, CASE WHEN @released THEN @now END) "
            + "ON CONFLICT (entity, system, type, side, record_id) DO UPDATE SET error = excluded.error, payload = excluded.payload, "
            + "last_at = excluded.last_at, attempts = quarantine.attempts + 1, released_at = excluded.released_at;",
            LinkStoreDb.Flow(flow, ("@side", (int)side), ("@record", recordId), ("@error", error), ("@payload", payload), ("@now", writer.Dialect.Time(now)), ("@released", released)),
            cancellationToken);

    /// <summary>Removes a record from quarantine; returns how many rows went (0 or 1).</summary>
    public static Task<int> ClearQuarantineAsync(LinkStoreWriter writer, SyncFlowId flow, SyncSide side, string recordId, CancellationToken cancellationToken) =>
        writer.ExecuteAsync("DELETE FROM quarantine WHERE " + FlowIs + " AND side = @side AND record_id = @record;",
            LinkStoreDb.Flow(flow, ("@side", (int)side), ("@record", recordId)),
            cancellationToken);
}
