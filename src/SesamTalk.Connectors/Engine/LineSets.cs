namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The lines of one collection split against the agreed lines: per side, the agreed lines it still holds, the lines it
/// added and the agreed lines it no longer holds (removed, or changed into one of its additions). <see cref="Resolve"/>
/// combines both sides' changes into the merged collection.
/// </summary>
internal sealed class LineSets
{
    private readonly IEntityMapper _mapper;
    private readonly Dictionary<string, int> _agreed;
    private readonly Side _host;
    private readonly Side? _remote;

    /// <param name="agreed">The agreed line prints.</param>
    /// <param name="host">The host's lines.</param>
    /// <param name="remote">The remote lines, or null when unknown (taken as the agreed ones).</param>
    /// <param name="mapper">The line mapper (its match key pairs a line changed on both sides).</param>
    public LineSets(IReadOnlyList<string> agreed, List<LineMerge.Line> host, List<LineMerge.Line>? remote, IEntityMapper mapper)
    {
        _mapper = mapper;
        _agreed = agreed.GroupBy(print => print, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        _host = new Side(_agreed, host);
        _remote = remote is null ? null : new Side(_agreed, remote);
    }

    /// <summary>
    /// The merged lines: the agreed lines neither side removed (in the remote order when the remote lines are known), then
    /// the additions of both sides, an addition made on both sides once, and of two different changes of one line
    /// only the winner's (recorded in <paramref name="conflicts"/>).
    /// </summary>
    public List<LineMerge.MergedLine> Resolve(MergeField field, MergeClock clock, SyncSide firstContact, List<MergeConflict> conflicts)
    {
        var result = Kept();
        var hostAdds = _host.Added.ToList();
        var remoteAdds = _remote?.Added.ToList() ?? [];
        var both = new List<LineMerge.MergedLine>();
        foreach (var line in hostAdds.ToList())
        {
            var twin = remoteAdds.FindIndex(candidate => candidate.Print == line.Print);
            if (twin >= 0)
            {
                both.Add(new LineMerge.MergedLine(line.Print, line.Record, remoteAdds[twin].Record));
                remoteAdds.RemoveAt(twin);
                hostAdds.Remove(line);
            }
        }

        SettleChangedOnBoth(field, clock, firstContact, conflicts, hostAdds, remoteAdds);
        result.AddRange(both);
        result.AddRange(hostAdds.Select(line => new LineMerge.MergedLine(line.Print, line.Record, null)));
        result.AddRange(remoteAdds.Select(line => new LineMerge.MergedLine(line.Print, null, line.Record)));
        return result;
    }

    /// <summary>The agreed lines that neither side removed, with each side's record of them.</summary>
    private List<LineMerge.MergedLine> Kept()
    {
        var budget = _agreed.ToDictionary(
            pair => pair.Key,
            pair => pair.Value - Math.Max(_host.RemovedCount(pair.Key), _remote?.RemovedCount(pair.Key) ?? 0),
            StringComparer.Ordinal);
        var hostKept = _host.Kept.ToList();
        var kept = new List<LineMerge.MergedLine>();
        foreach (var line in _remote?.Kept ?? _host.Kept)
        {
            if (budget[line.Print] <= 0)
            {
                continue;
            }

            budget[line.Print]--;
            var hostIndex = hostKept.FindIndex(candidate => candidate.Print == line.Print);
            var hostRecord = hostKept[hostIndex].Record;
            hostKept.RemoveAt(hostIndex);
            kept.Add(new LineMerge.MergedLine(line.Print, hostRecord, _remote is null ? null : line.Record));
        }

        return kept;
    }

    /// <summary>
    /// An agreed line both sides no longer hold was changed (or removed) on both: each side's change of it is one of its
    /// additions. The changes are paired by the line's match key, else by what they still share (a line whose quantity
    /// changed keeps its product), the most alike first and in order among equals; each addition is in one pair at most,
    /// so a line either side added besides its changes is never taken for one. Of each pair the field's rule keeps one.
    /// </summary>
    private void SettleChangedOnBoth(MergeField field, MergeClock clock, SyncSide firstContact, List<MergeConflict> conflicts, List<LineMerge.Line> hostAdds, List<LineMerge.Line> remoteAdds)
    {
        var changedOnBoth = _remote is null ? 0 : _agreed.Keys.Sum(print => Math.Min(_host.RemovedCount(print), _remote.RemovedCount(print)));
        var key = _mapper.MatchKeys.Count > 0 ? _mapper.MatchKeys[0] : null;
        var hostCandidates = hostAdds.ToList();
        var remoteCandidates = remoteAdds.ToList();
        for (var pairs = 0; pairs < changedOnBoth; pairs++)
        {
            if (MostAlike(hostCandidates, remoteCandidates, key) is not var (host, remote))
            {
                return;
            }

            hostCandidates.Remove(host);
            remoteCandidates.Remove(remote);
            var winner = FieldMerge.Resolve(field.Rule, SyncValue.From("line"), SyncValue.From("line"), clock, firstContact);
            conflicts.Add(new MergeConflict(field.Name, RecordText.Of(host.Record), RecordText.Of(remote.Record), field.Rule, winner));
            if (winner == SyncSide.Local)
            {
                remoteAdds.Remove(remote);
            }
            else
            {
                hostAdds.Remove(host);
            }
        }
    }

    /// <summary>The host and remote additions that share the most values (the same match key, when the line has one), or null.</summary>
    private (LineMerge.Line Host, LineMerge.Line Remote)? MostAlike(List<LineMerge.Line> hostAdds, List<LineMerge.Line> remoteAdds, string? key)
    {
        (LineMerge.Line, LineMerge.Line)? best = null;
        var bestShared = -1;
        foreach (var host in hostAdds)
        {
            foreach (var remote in remoteAdds)
            {
                if (key is not null && !SameKey(host.Record, remote.Record, key))
                {
                    continue;
                }

                var shared = _mapper.Fields.Count(descriptor => SyncMatchValue.Of(host.Record, descriptor.Field) is { } value && value == SyncMatchValue.Of(remote.Record, descriptor.Field));
                if (shared > bestShared)
                {
                    (best, bestShared) = ((host, remote), shared);
                }
            }
        }

        return best;
    }

    private static bool SameKey(SyncRecord host, SyncRecord remote, string key) =>
        SyncMatchValue.Of(host, key) is { } value && value == SyncMatchValue.Of(remote, key);

    /// <summary>One side's lines against the agreed ones.</summary>
    private sealed class Side
    {
        private readonly Dictionary<string, int> _removed;

        public Side(Dictionary<string, int> agreed, List<LineMerge.Line> lines)
        {
            _removed = new Dictionary<string, int>(agreed, StringComparer.Ordinal);
            foreach (var line in lines)
            {
                if (_removed.TryGetValue(line.Print, out var left) && left > 0)
                {
                    _removed[line.Print] = left - 1;
                    Kept.Add(line);
                }
                else
                {
                    Added.Add(line);
                }
            }
        }

        /// <summary>The agreed lines the side still holds, in its order.</summary>
        public List<LineMerge.Line> Kept { get; } = [];

        /// <summary>The lines the side holds beyond the agreed ones, in its order.</summary>
        public List<LineMerge.Line> Added { get; } = [];

        /// <summary>How many of the agreed lines with <paramref name="print"/> the side no longer holds.</summary>
        public int RemovedCount(string print) => _removed.GetValueOrDefault(print);
    }
}
