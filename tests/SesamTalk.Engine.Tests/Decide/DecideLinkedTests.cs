using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Merge;
using static SesamTalk.Engine.Tests.Decide.DecideLab;
using static SesamTalk.Engine.Tests.Merge.Clock;
using static SesamTalk.Engine.Tests.Merge.MergeLab;
using static SesamTalk.SyncSide;

namespace SesamTalk.Engine.Tests.Decide;

/// <summary>
/// <see cref="RecordDecider{TEntity}"/> on a linked pair, row by row, as a cycle asks it: the fast path first
/// (<see cref="RecordDecider{TEntity}.Unchanged"/>), then the merge. Both sides last agreed on the name "Ada" and the
/// notes "n"; "Bea" is the host's edit and "Cy" the remote one. A host change reads no remote record (only its id),
/// as in a cycle.
/// </summary>
public sealed class DecideLinkedTests
{
    public static TheoryData<LinkedCase> Rows => new()
    {
        // What                                                          from    host   remote  clock        -> kind        to host      to remote   winner  counted
        Row("the engine's own remote write read back: an echo",          Remote, "Bea", "Bea",  Unknown,     "Unchanged", null,        null,       null,   false) with { LastWritten = "Bea", Echo = true },
        Row("the engine's own host write read back: an echo",            Local,  "Bea", null,   Unknown,     "Unchanged", null,        null,       null,   false) with { LastWritten = "Bea", Echo = true },
        Row("a remote record as last read: unchanged, no echo",          Remote, "Ada", "Ada",  Unknown,     "Unchanged", null,        null,       null,   false) with { LastWritten = "Bea" },
        Row("the host changed: the change goes to the remote side",      Local,  "Bea", null,   HostLater,   "Merge",     null,        "Name=Bea", null,   true),
        Row("the remote record changed: the change comes to the host",   Remote, "Ada", "Cy",   RemoteLater, "Merge",     "Name=Cy",   null,       null,   true),
        Row("only the remote record changed, though the host is later",  Remote, "Ada", "Cy",   HostLater,   "Merge",     "Name=Cy",   null,       null,   true),
        Row("both changed, the remote later: the remote wins",           Remote, "Bea", "Cy",   RemoteLater, "Merge",     "Name=Cy",   null,       Remote, true),
        Row("both changed, the host later: the host wins",               Remote, "Bea", "Cy",   HostLater,   "Merge",     null,        "Name=Bea", Local,  true),
        Row("both changed at the same instant: born on the host, the host wins", Remote, "Bea", "Cy", Equal, "Merge",     null,        "Name=Bea", Local,  true),
        Row("both changed to the same value: no conflict, nothing written", Remote, "Bea", "Bea", RemoteLater, "Merge",   null,        null,       null,   false),
        Row("notes both changed, the remote later: local wins",          Remote, "Ada", "Ada",  RemoteLater, "Merge",     null,        "Notes=hn", Local,  true) with { HostNotes = "hn", RemoteNotes = "rn" },
        Row("a remote system that cannot update is sent nothing",        Local,  "Bea", null,   HostLater,   "Merge",     null,        null,       null,   false) with { CanUpdate = false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_linked_pair_is_decided_as_the_row_says(LinkedCase row) => row.Check();

    [Fact]
    public void A_link_made_by_hand_has_no_agreed_state_and_is_merged_even_when_it_reads_as_before()
    {
        var agreed = Product(RemoteId, "Ada");
        var link = Link(agreed);
        link = link with { Fingerprints = link.Fingerprints with { Agreed = null } };

        Assert.Null(RecordDecider<Product>.Unchanged(Remote, RemoteId, Products.FingerprintOf(agreed, FieldDirection.FromRemote), link));
    }

    [Fact]
    public void The_decision_leaves_what_it_was_given_as_it_was()
    {
        var link = Link(Product(RemoteId, "Ada"));
        var agreed = AgreedState.Parse(link.Fingerprints.Agreed)!;
        var before = agreed.ToString();
        var remote = Product(RemoteId, "Cy");
        var host = Product(LocalId, "Bea");

        var merge = Decider().Merge(new MergePair<Product>(Remote, RemoteId, LocalId, new Product { Id = LocalId }, host, remote, T0) { Link = link, Agreed = agreed });

        Assert.Equal(before, agreed.ToString());
        Assert.NotEqual(before, merge.Agreed.ToString());
        Assert.Equal("Sku=S-1, Name=Cy, Notes=", Fields(remote));
        Assert.Equal("Sku=S-1, Name=Bea, Notes=", Fields(host));
    }

    private static LinkedCase Row(string what, SyncSide source, string host, string? remote, Clock clock, string kind, string? toHost, string? toRemote, SyncSide? winner, bool counted) =>
        new(what, source, host, remote, clock, kind, toHost, toRemote, winner, counted);
}

/// <summary>One row of <see cref="DecideLinkedTests"/>: a linked pair as a cycle reads it, and the decision expected.</summary>
public sealed record LinkedCase(
    string What,
    SyncSide Source,
    string Host,
    string? Remote,
    Clock Clock,
    string Kind,
    string? ToHost,
    string? ToRemote,
    SyncSide? Winner,
    bool Counted)
{
    /// <summary>The name the engine last wrote to both sides (null: it wrote the agreed one).</summary>
    public string? LastWritten { get; init; }

    /// <summary>Whether an unchanged record is an echo of the engine's write.</summary>
    public bool Echo { get; init; }

    public string HostNotes { get; init; } = "n";

    public string RemoteNotes { get; init; } = "n";

    public bool CanUpdate { get; init; } = true;

    public override string ToString() => What;

    internal void Check()
    {
        var link = Link(Product(RemoteId, "Ada", "n"), LastWritten is { } written ? Product(RemoteId, written, "n") : null);
        var clock = ClockOf(Clock);
        var host = Product(LocalId, Host, HostNotes);
        var remote = Remote is { } name ? Product(RemoteId, name, RemoteNotes) : new SyncRecord(Products.Target.Type, RemoteId);
        remote.ModifiedAt = clock.Remote;
        var (sourceId, print) = Source == SyncSide.Local
            ? (LocalId, Products.FingerprintOf(host, FieldDirection.ToRemote))
            : (RemoteId, Products.FingerprintOf(remote, FieldDirection.FromRemote));

        RecordDecision decision = (RecordDecision?)RecordDecider<Product>.Unchanged(Source, sourceId, print, link)
            ?? Decider(Rules(canUpdate: CanUpdate)).Merge(new MergePair<Product>(Source, sourceId, LocalId, new Product { Id = LocalId }, host, remote, clock.Local)
            {
                Link = link,
                Agreed = AgreedState.Parse(link.Fingerprints.Agreed),
            });

        Assert.Equal((Kind, Source, sourceId), (DecideLab.Kind(decision), decision.Source, decision.SourceId));
        Assert.Equal(Counted, decision.IsMassChange);
        switch (decision)
        {
            case UnchangedDecision unchanged:
                Assert.Equal(Echo, unchanged.Echo);
                break;
            case MergeDecision<Product> merge:
                Assert.Equal((LocalId, RemoteId), (merge.LocalId, merge.RemoteId));
                Assert.Equal(ToHost, Fields(merge.ToHost));
                Assert.Equal(ToRemote, Fields(merge.ToRemote));
                Assert.Equal(Winner, merge.Conflicts.SingleOrDefault()?.Winner);
                Assert.Null(merge.Link);
                Assert.Same(link.Fingerprints, merge.Previous);
                Assert.Equal(Products.Fingerprint(host, FieldDirection.ToRemote), merge.LocalPrint);
                Assert.Equal(Remote is null ? null : remote, merge.Remote);
                break;
        }
    }
}
