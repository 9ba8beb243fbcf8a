using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using static SesamTalk.Engine.Tests.Decide.DecideLab;
using static SesamTalk.Engine.Tests.Merge.MergeLab;
using static SesamTalk.SyncSide;

namespace SesamTalk.Engine.Tests.Decide;

/// <summary>
/// <see cref="RecordDecider{TEntity}"/> on a record with no link, row by row: with no counterpart it is created on the
/// other side; with one its match key (or an interrupted create's intent) found, the pair is linked and merged, and
/// that first merge is not counted by the breaker (it overwrites no link).
/// </summary>
public sealed class DecideFirstContactTests
{
    private static readonly PendingCreate Intent = new("key-1", Flow, Local, LocalId, T0);

    public static TheoryData<FirstContactCase> Rows => new()
    {
        // What                                                                    from    host   remote intent -> kind         link                              to host                                   to remote
        Row("a new remote record creates a host record with what travels there", Remote, null,  "Cy",  false,  "CreateHost",  SyncLinkProvenance.CreatedBySync,  "Sku=S-1, Name=Cy, Stock=4, Notes=",       null),
        Row("a new host record creates a remote record with what it may create", Local,  "Bea", null,  false,  "CreateRemote", SyncLinkProvenance.CreatedBySync, null,                                     "Sku=S-1, Name=Bea, Notes="),
        Row("a new remote record under an interrupted create keeps its intent",  Remote, null,  "Cy",  true,   "CreateHost",  SyncLinkProvenance.CreatedBySync,  "Sku=S-1, Name=Cy, Stock=4, Notes=",       null),
        Row("a remote record with a host twin by key is linked, equal: no write", Remote, "Ada", "Ada", false, "Merge",       SyncLinkProvenance.MatchedOnKey,   "Stock=4",                                null),
        Row("a host record with a remote twin by key: born on the host, its name goes", Local, "Bea", "Cy", false, "Merge", SyncLinkProvenance.MatchedOnKey,   "Stock=4",                                "Name=Bea"),
        Row("a record an interrupted create made is linked as created by sync",  Local,  "Bea", "Bea", true,   "Merge",       SyncLinkProvenance.CreatedBySync,  "Stock=4",                                null),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void An_unlinked_record_is_decided_as_the_row_says(FirstContactCase row) => row.Check();

    private static FirstContactCase Row(string what, SyncSide source, string? host, string? remote, bool intent, string kind, SyncLinkProvenance link, string? toHost, string? toRemote) =>
        new(what, source, host, remote, intent ? Intent : null, kind, link, toHost, toRemote);
}

/// <summary>One row of <see cref="DecideFirstContactTests"/>: an unlinked record, its counterpart if one matched, and the decision expected.</summary>
public sealed record FirstContactCase(
    string What,
    SyncSide Source,
    string? Host,
    string? Remote,
    PendingCreate? Intent,
    string Kind,
    SyncLinkProvenance Link,
    string? ToHost,
    string? ToRemote)
{
    public override string ToString() => What;

    internal void Check()
    {
        var host = Host is { } hostName ? Product(LocalId, hostName) : null;
        var remote = Remote is { } remoteName ? Product(RemoteId, remoteName) : null;
        if (remote is not null)
        {
            remote["Stock"] = SyncValue.From(4);
        }

        var decider = Decider();
        RecordDecision decision = (host, remote) switch
        {
            ({ } pairHost, { } pairRemote) => decider.Merge(new MergePair<Product>(Source, Source == Local ? LocalId : RemoteId, LocalId, new Product { Id = LocalId }, pairHost, pairRemote, HostChangedAt: null)
            {
                NewLink = RecordDecider<Product>.Matched(Intent, "Sku", Source == Local ? pairHost : pairRemote),
            }),
            (null, { } newRemote) => decider.CreateHost(newRemote, Intent),
            ({ } newHost, null) => decider.CreateRemote(LocalId, newHost, Intent),
            _ => throw new InvalidOperationException("a row names at least one record"),
        };

        Assert.Equal((Kind, Source), (DecideLab.Kind(decision), decision.Source));
        Assert.False(decision.IsMassChange);
        Assert.Equal(Kind switch { "CreateHost" => (null, RemoteId), "CreateRemote" => (LocalId, null), _ => ((string?)LocalId, (string?)RemoteId) }, decision.Ids);
        switch (decision)
        {
            case CreateHostDecision create:
                Assert.Equal(RemoteId, create.SourceId);
                Assert.Equal(ToHost, Fields(create.ToHost));
                Assert.Same(Intent, create.Intent);
                Assert.Equal(Products.Fingerprint(remote!, FieldDirection.FromRemote), create.RemotePrint);
                break;
            case CreateRemoteDecision create:
                Assert.Equal(LocalId, create.SourceId);
                Assert.Equal(ToRemote, Fields(create.Create));
                Assert.Null(create.Create.Id);
                Assert.Same(Intent, create.Intent);
                Assert.Equal(AgreedState.Observe(ProductFields, host!, create.Create).ToString(), create.Agreed.ToString());
                break;
            case MergeDecision<Product> merge:
                var link = Assert.IsType<NewLink>(merge.Link);
                Assert.Equal(Link, link.Provenance);
                Assert.Equal(Intent is null ? ("Sku", "S-1") : (null, null), (link.MatchKey, link.MatchValue));
                Assert.Same(Intent, link.Intent);
                Assert.Equal(ToHost, Fields(merge.ToHost));
                Assert.Equal(ToRemote, Fields(merge.ToRemote));
                Assert.Same(remote, merge.Remote);
                Assert.Null(merge.Previous);
                break;
        }
    }
}
