namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The dry run's sink for a unit's decisions (a cycle's writes them): each decision becomes the planned changes of
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
    public List<RecordDecision> Undecided(List<RecordDecision> decisions)
    {
        var undecided = decisions.Where(decision => decision.Source == SyncSide.Remote || !_plannedLocal.Contains(decision.SourceId)).ToList();
        _plannedLocal.UnionWith(undecided.Where(decision => decision is not QuarantineDecision).Select(decision => decision.Ids.Local).OfType<string>());
        return undecided;
    }

    /// <summary>
    /// Lists what the decisions would write, as the typed diff of <see cref="SyncPlan"/>. A field both sides changed is
    /// one <see cref="SyncChangeKind.Conflict"/> entry on the side its winning value is written to, and is not listed
    /// again in that side's update.
    /// </summary>
    public void Add(List<RecordDecision> decisions)
    {
        foreach (var decision in decisions)
        {
            switch (decision)
            {
                case QuarantineDecision:
                    Plan(decision, decision.Source, SyncChangeKind.Quarantine, []);
                    break;
                case DeleteDecision delete:
                    Plan(decision, delete.Side, SyncChangeKind.Delete, []);
                    break;
                case UnlinkDecision:
                    Plan(decision, Other(decision.Source), SyncChangeKind.Unlink, []);
                    break;
                case CreateHostDecision create:
                    PlanWrite(decision, SyncSide.Local, SyncChangeKind.Create, create.ToHost, []);
                    break;
                case CreateRemoteDecision create:
                    PlanWrite(decision, SyncSide.Remote, SyncChangeKind.Create, create.Create, []);
                    break;
                case MergeDecision<TEntity> merge:
                    PlanMerge(merge);
                    break;
            }
        }
    }

    private void PlanMerge(MergeDecision<TEntity> merge)
    {
        var conflicts = merge.Conflicts.DistinctBy(conflict => (conflict.Field, conflict.Winner)).ToList();
        if (merge.ToHost is { } toHost)
        {
            PlanWrite(merge, SyncSide.Local, SyncChangeKind.Update, toHost, conflicts);
        }

        if (merge.ToRemote is { } toRemote)
        {
            PlanWrite(merge, SyncSide.Remote, SyncChangeKind.Update, toRemote, conflicts);
        }

        if (merge.Link is { Provenance: SyncLinkProvenance.MatchedOnKey } link)
        {
            Plan(merge, SyncSide.Local, SyncChangeKind.Link, link.MatchKey is { } key ? [key] : []);
        }

        foreach (var conflict in conflicts)
        {
            Plan(merge, Other(conflict.Winner), SyncChangeKind.Conflict, [conflict.Field], conflict.Winner);
        }
    }

    /// <summary>Plans the write of <paramref name="fields"/> on <paramref name="side"/>, leaving out the fields listed as conflicts won by the other side.</summary>
    private void PlanWrite(RecordDecision decision, SyncSide side, SyncChangeKind kind, SyncRecord fields, IReadOnlyList<MergeConflict> conflicts)
    {
        var contested = conflicts.Where(conflict => conflict.Winner != side).Select(conflict => conflict.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var plain = fields.FieldNames.Where(field => !contested.Contains(field)).ToList();
        if (plain.Count > 0)
        {
            Plan(decision, side, kind, plain);
        }
    }

    private void Plan(RecordDecision decision, SyncSide side, SyncChangeKind kind, IReadOnlyList<string> fields, SyncSide? winner = null)
    {
        var (localId, remoteId) = decision.Ids;
        _changes.Add(new SyncPlannedChange(entity, target, side, kind, localId, remoteId, fields, winner));
    }

    private static SyncSide Other(SyncSide side) => side == SyncSide.Local ? SyncSide.Remote : SyncSide.Local;
}
