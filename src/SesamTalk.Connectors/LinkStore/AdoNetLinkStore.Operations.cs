namespace SesamTalk.Connectors.LinkStore;

/// <summary>An operator's queries and fixes: links a page at a time and by match-key value, conflicts by time, dropping a quarantined record.</summary>
public abstract partial class AdoNetLinkStore : ILinkStoreOperations
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StoredLink>> ReadLinksPageAsync(SyncFlowId flow, string? afterLocalId, int limit, CancellationToken cancellationToken = default)
    {
        // A range of the primary key (entity, system, type, local_id) from the last id shown: page 1,000 reads as little as page 1.
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return QueryAsync(
            "SELECT " + LinkColumns + " FROM links WHERE " + FlowIs + " AND local_id > @after ORDER BY local_id LIMIT @limit;",
            LinkStoreDb.Flow(flow, ("@after", afterLocalId ?? ""), ("@limit", limit)),
            ReadLink,
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredLink>> FindByMatchValueAsync(SyncFlowId flow, string value, string? afterLocalId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (SyncMatchValue.Normalise(SyncValue.From(value)) is not { } normalised)
        {
            return [];
        }

        // A range of links_by_match_value (entity, system, type, match_value, local_id).
        return await QueryAsync(
            "SELECT " + LinkColumns + " FROM links WHERE " + FlowIs + " AND match_value = @value AND local_id > @after ORDER BY local_id LIMIT @limit;",
            LinkStoreDb.Flow(flow, ("@value", normalised), ("@after", afterLocalId ?? ""), ("@limit", limit)),
            ReadLink,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConflictRecord>> ListConflictsAsync(SyncFlowId flow, DateTimeOffset? from, DateTimeOffset? until, int limit, CancellationToken cancellationToken = default)
    {
        // Read backwards along conflicts_by_time (entity, system, type, occurred_at, id) from the window's end.
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var parameters = new List<(string, object?)> { ("@limit", limit) };
        var window = "";
        if (from is { } start)
        {
            window += " AND occurred_at >= @from";
            parameters.Add(("@from", _dialect.Time(start)));
        }

        if (until is { } end)
        {
            window += " AND occurred_at < @until";
            parameters.Add(("@until", _dialect.Time(end)));
        }

        return QueryAsync(
            "SELECT " + ConflictColumns + " FROM conflicts WHERE " + FlowIs + window + " ORDER BY occurred_at DESC, id DESC LIMIT @limit;",
            LinkStoreDb.Flow(flow, [.. parameters]),
            ReadConflict,
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DropQuarantinedAsync(SyncFlowId flow, SyncSide side, string recordId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordId);
        var dropped = false;
        await InTransactionAsync(
            async (w, _, ct) => dropped = await LinkWrites.ClearQuarantineAsync(w, flow, side, recordId, ct).ConfigureAwait(false) > 0,
            cancellationToken).ConfigureAwait(false);
        return dropped;
    }
}
