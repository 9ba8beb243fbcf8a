namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Where a dry run's units go instead of being written: each decided unit becomes the planned changes of
/// <see cref="SyncPlan"/>, in the order a cycle would write them.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
/// <param name="entity">The host entity's name.</param>
/// <param name="target">The flow's remote type.</param>
/// <param name="changes">The plan's list, which receives the changes.</param>
internal sealed class PlanRecorder<TEntity>(string entity, SyncTarget target, List<SyncPlannedChange> changes)
    where TEntity : class
{
    private readonly List<SyncPlannedChange> _changes = changes;
    private readonly HashSet<string> _plannedLocal = new(StringComparer.Ordinal);

    /// <summary>
    /// A plan commits nothing, so a host record whose change the remote phase decided comes again with the host's
    /// changes, where a cycle, having committed it, would find it unchanged: it is left out, so each change is planned
    /// and counted once. A record the remote phase set aside is decided again, as a cycle would.
    /// </summary>
    public List<LinkWork<TEntity>> Undecided(List<LinkWork<TEntity>> works)
    {
        var undecided = works.Where(work => work.Source == SyncSide.Remote || !_plannedLocal.Contains(work.LocalId!)).ToList();
        _plannedLocal.UnionWith(undecided.Where(work => work.Error is null).Select(work => work.LocalId).OfType<string>());
        return undecided;
    }

    /// <summary>
    /// Lists what the works would write, as the typed diff of <see cref="SyncPlan"/>. A field both sides changed is one
    /// <see cref="SyncChangeKind.Conflict"/> entry on the side its winning value is written to, and is not listed again
    /// in that side's update.
    /// </summary>
    public void Add(List<LinkWork<TEntity>> works)
    {
        foreach (var work in works)
        {
            if (work.Error is not null)
            {
                Plan(work, work.Source, SyncChangeKind.Quarantine, []);
                continue;
            }

            if (work.Deletes is { } deleted)
            {
                Plan(work, deleted, SyncChangeKind.Delete, []);
            }
            else if (work.Unlink)
            {
                Plan(work, Other(work.Source), SyncChangeKind.Unlink, []);
            }

            var conflicts = work.Conflicts.DistinctBy(conflict => (conflict.Field, conflict.Winner)).ToList();
            if (work.ToHost is { Count: > 0 } toHost)
            {
                PlanWrite(work, SyncSide.Local, work.CreatesHost ? SyncChangeKind.Create : SyncChangeKind.Update, toHost, conflicts);
            }

            if (work.ToRemote is { Count: > 0 } toRemote && work.Deletes is null)
            {
                PlanWrite(work, SyncSide.Remote, work.CreatesRemote ? SyncChangeKind.Create : SyncChangeKind.Update, toRemote, conflicts);
            }

            if (work.NewLink is SyncLinkProvenance.MatchedOnKey)
            {
                Plan(work, SyncSide.Local, SyncChangeKind.Link, work.MatchKey is { } key ? [key] : []);
            }

            foreach (var conflict in conflicts)
            {
                Plan(work, Other(conflict.Winner), SyncChangeKind.Conflict, [conflict.Field], conflict.Winner);
            }
        }
    }

    /// <summary>Plans the write of <paramref name="fields"/> on <paramref name="side"/>, leaving out the fields listed as conflicts won by the other side.</summary>
    private void PlanWrite(LinkWork<TEntity> work, SyncSide side, SyncChangeKind kind, SyncRecord fields, IReadOnlyList<MergeConflict> conflicts)
    {
        var contested = conflicts.Where(conflict => conflict.Winner != side).Select(conflict => conflict.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var plain = fields.FieldNames.Where(field => !contested.Contains(field)).ToList();
        if (plain.Count > 0)
        {
            Plan(work, side, kind, plain);
        }
    }

    private void Plan(LinkWork<TEntity> work, SyncSide side, SyncChangeKind kind, IReadOnlyList<string> fields, SyncSide? winner = null) =>
        _changes.Add(new SyncPlannedChange(entity, target, side, kind, work.LocalId, work.RemoteId, fields, winner));


    private static SyncSide Other(SyncSide side) => side == SyncSide.Local ? SyncSide.Remote : SyncSide.Local;
}
