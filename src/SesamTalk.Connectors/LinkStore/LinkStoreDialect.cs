using System.Data.Common;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// What one database says differently for the shared link store (<see cref="AdoNetLinkStore"/>): how an instant is
/// stored, how a list travels in one parameter, the batch statements, and a few words of syntax. Everything else,
/// statements included, is written once in the core.
/// </summary>
internal abstract class LinkStoreDialect
{
    /// <summary>The least of two values: <c>MIN</c> in SQLite, <c>LEAST</c> in PostgreSQL.</summary>
    public abstract string Least { get; }

    /// <summary>What follows the lease check in a commit so that no take-over commits before the commit ends (empty when the transaction already shuts writers out).</summary>
    public abstract string LockLeaseRow { get; }

    /// <summary>The condition, joined with <c>AND</c>, that leaves out completed intents (empty when the store has no such column).</summary>
    public abstract string OpenIntentsOnly { get; }

    /// <summary>The parameter value of an instant.</summary>
    public abstract object Time(DateTimeOffset value);

    /// <summary>Reads an instant written with <see cref="Time"/>.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>The instant <see cref="ReadTime"/> gives back for one written as <paramref name="value"/>, at the store's precision.</summary>
    public abstract DateTimeOffset StoredTime(DateTimeOffset value);

    /// <summary>Reads an instant that may be NULL.</summary>
    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    /// <summary>Texts as one parameter value, for <see cref="IsIn"/>: a list of any length in one parameter.</summary>
    public abstract object TextList(IReadOnlyCollection<string> values);

    /// <summary>The condition that <paramref name="column"/> is one of the texts in the <see cref="TextList"/> parameter <paramref name="parameter"/>.</summary>
    public abstract string IsIn(string column, string parameter);

    /// <summary>
    /// Statements, each for a run of <paramref name="links"/> (with their fingerprints), that insert them and skip,
    /// without failing, each that is not new. Made as they are enumerated: run each before asking for the next.
    /// </summary>
    public IEnumerable<LinkStoreBatch> InsertLinks(IReadOnlyList<QueuedLink> links)
    {
        foreach (var (first, count) in Runs(links.Count, (a, b) => SharesCells(links[a].Link, links[b].Link)))
        {
            var link = links[first].Link;
            var shared = LinkStoreDb.Flow(
                new SyncFlowId(link.Entity, link.Target),
                ("@provenance", (int)link.Provenance),
                ("@matchKey", link.MatchKey),
                ("@linkedAt", Time(link.LinkedAt)));
            foreach (var batch in InsertLinkRun(links, first, count, shared))
            {
                yield return batch;
            }
        }
    }

    /// <summary>Statements, each for a run of <paramref name="prints"/>, that replace the fingerprints and agreed states of the links they name; each counts the links it changed.</summary>
    public abstract IEnumerable<LinkStoreBatch> SaveFingerprints(IReadOnlyList<QueuedFingerprints> prints);

    /// <summary>
    /// <see cref="InsertLinks"/> for the <paramref name="count"/> links from <paramref name="first"/> on, which share the
    /// cells in <paramref name="shared"/> (<c>@entity</c>, <c>@system</c>, <c>@type</c>, <c>@provenance</c>,
    /// <c>@matchKey</c>, <c>@linkedAt</c>): the statements take those once, each link brings only its own.
    /// </summary>
    protected abstract IEnumerable<LinkStoreBatch> InsertLinkRun(IReadOnlyList<QueuedLink> links, int first, int count, (string Name, object? Value)[] shared);

    /// <summary>
    /// Statements, each for a run of the source ids, that insert an intent for each (key <c>keys[i]</c> for
    /// <c>sourceIds[i]</c>) with the flow, <c>@side</c> and <c>@now</c>, and skip each record that already has an open one.
    /// </summary>
    public abstract IEnumerable<LinkStoreBatch> InsertIntents(IReadOnlyList<string> keys, IReadOnlyList<string> sourceIds);

    /// <summary>The runs (first index, count) of rows alike, by <paramref name="alike"/>, to the run's first one.</summary>
    private static IEnumerable<(int First, int Count)> Runs(int count, Func<int, int, bool> alike)
    {
        var first = 0;
        while (first < count)
        {
            var next = first + 1;
            while (next < count && alike(first, next))
            {
                next++;
            }

            yield return (first, next - first);
            first = next;
        }
    }

    /// <summary>Whether two links have the same cells a run takes once: in a cycle's commit they all do.</summary>
    private static bool SharesCells(SyncLink a, SyncLink b) =>
        a.Entity == b.Entity && a.Target == b.Target && a.Provenance == b.Provenance && a.MatchKey == b.MatchKey && a.LinkedAt == b.LinkedAt;

    /// <summary>
    /// The statements, run in order, that move a flow's hold (<c>@entity</c>, <c>@system</c>, <c>@type</c>) to the
    /// released holds with <c>@because</c> and <c>@now</c> and delete it; the last one counts the holds released.
    /// </summary>
    public abstract IReadOnlyList<string> ReleaseHold { get; }
}

/// <summary>A statement for the run of <paramref name="Count"/> rows of a list from index <paramref name="First"/> on.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="First">The index of the run's first row in the list.</param>
/// <param name="Count">The rows in the run.</param>
internal readonly record struct LinkStoreBatch(LinkStoreStatement Statement, int First, int Count);

/// <summary>A statement and its parameters.</summary>
/// <param name="Sql">The statement.</param>
/// <param name="Parameters">Its parameters, by name (<c>@x</c>).</param>
internal readonly record struct LinkStoreStatement(string Sql, (string Name, object? Value)[] Parameters);
