using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The decide stage's side of the cycle: the pure decisions of <see cref="RecordDecider{TEntity}"/> with what they need
/// resolved (the host shape, references as host ids), for the unit's sink to write or plan.
/// </summary>
internal sealed partial class FlowCycle<TEntity>
{
    /// <summary>
    /// Decides a linked (or just matched) pair (<see cref="RecordDecider{TEntity}.Merge"/>) and resolves the references
    /// of the fields it sends the host to host ids (the page's links, looked up together). A merge that writes nothing
    /// is counted as unchanged; it still stores what it read.
    /// </summary>
    private async Task<RecordDecision> MergedAsync(MergePair<TEntity> pair)
    {
        var merge = _decider.Merge(pair);
        if (merge.ToHost is { } toHost && _hasReferences)
        {
            merge = merge with { ToHost = await ToHostIdsAsync(toHost, pair.Remote).ConfigureAwait(false) };
        }
        else if (!merge.Writes)
        {
            Unchanged(pair.Source, echo: false);
        }

        return merge;
    }

    /// <summary>Decides a new host record for a remote record, with its references resolved to host ids.</summary>
    private async Task<RecordDecision> CreateHostAsync(SyncRecord record, PendingCreate? intent)
    {
        var create = _decider.CreateHost(record, intent);
        return _hasReferences ? create with { ToHost = await ToHostIdsAsync(create.ToHost, record).ConfigureAwait(false) } : create;
    }

    /// <summary>
    /// The fields for the host with their references as host ids: a translated copy (translating changes a record in
    /// place, and the fields may share lines with the remote record).
    /// </summary>
    private async Task<SyncRecord> ToHostIdsAsync(SyncRecord fields, SyncRecord remote)
    {
        var translated = RecordText.Copy(fields, fields.FieldNames);
        await _references.ToHostAsync(translated, _mapper, Describe(remote), _cancellationToken).ConfigureAwait(false);
        return translated;
    }

    /// <summary>A linked record was deleted on <paramref name="deletedOn"/>: the delete, soft delete or unlink the flow's policy decides.</summary>
    private RecordDecision Deleted(SyncSide deletedOn, string sourceId, StoredLink link) =>
        _decider.Deleted(deletedOn, sourceId, link);

    private QuarantineDecision Ambiguous<T>(SyncSide side, string sourceId, Match<T> match, SyncRecord record) =>
        RecordDecider<TEntity>.Ambiguous(side, sourceId, side == SyncSide.Local ? Owner(sourceId) : Describe(record), match, RecordText.Of(record));

    /// <summary>A record that failed to be decided (a bad value, a reference not linked yet) is quarantined; <paramref name="otherId"/> is its counterpart's id, when linked.</summary>
    private static QuarantineDecision Quarantined(SyncSide side, string sourceId, Exception error, string? payload, string? otherId) =>
        RecordDecider<TEntity>.Quarantine(side, sourceId, error, payload) with { OtherId = otherId };

    /// <summary>Counts a record the fast path passed over (<see cref="RecordDecider{TEntity}.Unchanged"/>); true when it did.</summary>
    private bool PassedOver(UnchangedDecision? unchanged)
    {
        if (unchanged is not null)
        {
            Unchanged(unchanged.Source, unchanged.Echo);
        }

        return unchanged is not null;
    }

    private void Unchanged(SyncSide side, bool echo)
    {
        Report.Unchanged++;
        if (echo)
        {
            _context.Metrics.Echo(_tags, side);
        }
    }

    /// <summary>The host entity in the remote shape with references translated to remote ids: what is compared and sent.</summary>
    private async Task<SyncRecord> HostShapeAsync(TEntity entity, string owner)
    {
        var record = _mapper.ToRecord(entity);
        await _references.ToRemoteAsync(record, _mapper, owner, _cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>
    /// How an interrupted create's record is recognised: the type's natural key where the API has one, else the
    /// record's plain shared fields (no references, no children) as one key.
    /// </summary>
    private string ContentOf(SyncRecord record)
    {
        if (_capabilities.NaturalKey is { Count: > 0 } naturalKey)
        {
            return string.Join("|", naturalKey.Select(field => SyncMatchValue.Of(record, field) ?? "-"));
        }

        var references = _mapper.References.Select(reference => reference.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return string.Join("|", _fields
            .Where(field => field.Direction == FieldDirection.Both && field.IsScalar && !references.Contains(field.Name))
            .Select(field => field.Token(record) ?? "-"));
    }

    private string? SafePayload(TEntity entity)
    {
        try
        {
            return RecordText.Of(_mapper.ToRecord(entity));
        }
        catch (Exception error) when (StopErrors.IsBadRecord(error))
        {
            return null;
        }
    }

    private string Owner(string localId) => $"{_definition.Name} '{localId}'";

    private string Describe(SyncRecord record) => $"{_mapper.Target} '{record.Id}'";
}
