namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The three-way merge of a child collection (order lines), line by line against the lines both sides last agreed
/// on: a line added, changed or removed on one side is added, changed or removed on the other, and the lines nobody
/// touched stay. A collection is never taken whole from one side once a pair has agreed, so a side that reads fewer
/// lines than it holds (a failed or partial write, a read that missed its children) can only remove the lines it
/// really lost since the last agreement, and a side with no lines never overwrites one with lines on first contact.
/// </summary>
/// <remarks>
/// A line is known by its print (<see cref="LinePrinter"/>): the child mapper's fingerprint over the fields both sides
/// share. A line changed on one side is one print removed and another added; a line changed on both sides to
/// different prints is a conflict that the field's rule settles (latest wins), pairing the two changes by the line's
/// match key, else by their order. A line changed on one side and removed on the other keeps the change: a removal
/// never overwrites an edit.
/// </remarks>
internal static class LineMerge
{
    /// <summary>What starts an agreed token that lists the line prints (older stores hold one hash of the collection).</summary>
    private const string Prefix = "lines:";

    /// <summary>The agreed token of a collection: its line prints, sorted, so two sides holding the same lines agree.</summary>
    public static string Token(IReadOnlyList<SyncRecord> lines, LinePrinter printer) => TokenOf(lines.Select(printer.Print));

    /// <summary>The live lines a record carries in <paramref name="field"/>, or null when it does not carry the field.</summary>
    public static IReadOnlyList<SyncRecord>? LinesOf(SyncRecord record, string field)
    {
        if (!record.TryGetValue(field, out var value))
        {
            return null;
        }

        return value.Kind == SyncValueKind.Records ? [.. value.AsRecords()!.Where(line => !line.IsDeleted)] : [];
    }

    /// <summary>Merges the lines of <paramref name="field"/> into <paramref name="outcome"/>.</summary>
    /// <param name="outcome">Receives the lines to send each side, the agreed token and any conflict.</param>
    /// <param name="field">The child collection.</param>
    /// <param name="host">The host record in the remote shape.</param>
    /// <param name="remoteLines">The remote lines, or null when they are not read or are known to be the agreed ones (in the form the remote system stored them): they are then taken as agreed.</param>
    /// <param name="agreedToken">The field's agreed token, or null on first contact.</param>
    /// <param name="clock">When each side last changed.</param>
    /// <param name="firstContact">Who wins a first-contact difference the clock leaves open.</param>
    public static void Merge(MergeOutcome outcome, MergeField field, SyncRecord host, IReadOnlyList<SyncRecord>? remoteLines, string? agreedToken, MergeClock clock, SyncSide firstContact)
    {
        var printer = field.Lines!;
        var hostLines = LinesOf(host, field.Name);
        if (hostLines is null || (remoteLines is null && agreedToken is null))
        {
            return; // one side does not carry the lines and there is nothing to compare them with
        }

        var hostSide = Entries(hostLines, printer);
        var agreed = AgreedPrints(agreedToken, hostSide, remoteLines is null ? null : Entries(remoteLines, printer), printer.Mapper, field.Name);
        if (agreed is null)
        {
            FirstContact(outcome, field, hostSide, Entries(remoteLines!, printer), clock, firstContact);
            return;
        }

        var remoteSide = remoteLines is null ? null : Entries(remoteLines, printer);
        var merged = new LineSets(agreed, hostSide, remoteSide, printer.Mapper);
        var result = merged.Resolve(field, clock, firstContact, outcome.Conflicts);
        var prints = result.Select(line => line.Print).ToList();
        if (!SameLines(prints, hostSide.Select(line => line.Print)))
        {
            outcome.ToHost[field.Name] = SyncValue.From(HostOrder(result, hostSide));
        }

        if (!SameLines(prints, remoteSide?.Select(line => line.Print) ?? agreed))
        {
            outcome.ToRemote[field.Name] = SyncValue.From([.. result.Select(line => line.Remote ?? line.Host!)]);
        }

        outcome.EmptiesLines |= result.Count == 0 && (hostSide.Count > 0 || (remoteSide?.Count ?? agreed.Count) > 0);
        if (remoteSide is not null || !SameLines(prints, agreed))
        {
            // Unread remote lines are the agreed ones, in whatever form the remote system stored them: that stays known.
            outcome.Agreed.Set(field.Name, TokenOf(prints));
        }
    }

    /// <summary>
    /// Two sides that never agreed: equal lines agree; a side without lines takes the other's (an empty collection is
    /// no edit); otherwise the field's rule picks one side's lines whole.
    /// </summary>
    private static void FirstContact(MergeOutcome outcome, MergeField field, List<Line> host, List<Line> remote, MergeClock clock, SyncSide firstContact)
    {
        var hostPrints = host.Select(line => line.Print).ToList();
        if (!SameLines(hostPrints, remote.Select(line => line.Print)))
        {
            var winner = host.Count == 0 ? SyncSide.Remote
                : remote.Count == 0 ? SyncSide.Local
                : FieldMerge.Resolve(field.Rule, SyncValue.From("lines"), SyncValue.From("lines"), clock, firstContact);
            if (winner == SyncSide.Local)
            {
                outcome.ToRemote[field.Name] = SyncValue.From([.. host.Select(line => line.Record)]);
            }
            else
            {
                outcome.ToHost[field.Name] = SyncValue.From([.. remote.Select(line => line.Record)]);
                hostPrints = [.. remote.Select(line => line.Print)];
            }
        }

        outcome.Agreed.Set(field.Name, TokenOf(hostPrints));
    }

    /// <summary>
    /// The agreed prints: listed in the token, or, from a store written before lines merged one by one (one hash of the
    /// whole collection), the prints of the side whose lines still hash to it; null when nothing is known.
    /// </summary>
    private static List<string>? AgreedPrints(string? token, List<Line> host, List<Line>? remote, IEntityMapper mapper, string field)
    {
        if (token is null)
        {
            return null;
        }

        if (token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return token.Length == Prefix.Length ? [] : [.. token[Prefix.Length..].Split(',')];
        }

        bool Legacy(List<Line> lines)
        {
            var builder = new SyncFingerprintBuilder();
            builder.AddChildren(new SyncRecord("") { [field] = SyncValue.From([.. lines.Select(line => line.Record)]) }, field, FieldDirection.Both, mapper);
            return builder.ToFingerprint().Matches(token);
        }

        return Legacy(host) ? [.. host.Select(line => line.Print)]
            : remote is not null && Legacy(remote) ? [.. remote.Select(line => line.Print)]
            : null;
    }

    /// <summary>The result in the host's order (lines the host holds where they are, new lines after), the remote values where known.</summary>
    private static List<SyncRecord> HostOrder(List<MergedLine> result, List<Line> host)
    {
        var left = result.ToList();
        var ordered = new List<SyncRecord>(result.Count);
        foreach (var line in host)
        {
            var index = left.FindIndex(candidate => candidate.Print == line.Print);
            if (index >= 0)
            {
                ordered.Add(left[index].Remote ?? left[index].Host!);
                left.RemoveAt(index);
            }
        }

        ordered.AddRange(left.Select(line => line.Remote ?? line.Host!));
        return ordered;
    }

    private static string TokenOf(IEnumerable<string> prints) => Prefix + string.Join(",", prints.Order(StringComparer.Ordinal));

    private static bool SameLines(IEnumerable<string> first, IEnumerable<string> second) =>
        first.Order(StringComparer.Ordinal).SequenceEqual(second.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static List<Line> Entries(IReadOnlyList<SyncRecord> lines, LinePrinter printer) =>
        [.. lines.Select(line => new Line(printer.Print(line), line))];

    /// <summary>A line and its print.</summary>
    internal sealed record Line(string Print, SyncRecord Record);

    /// <summary>A line of the merge's result: its print, and the line as each side holds it (null where that side does not).</summary>
    internal sealed record MergedLine(string Print, SyncRecord? Host, SyncRecord? Remote);
}
