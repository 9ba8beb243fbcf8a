using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;
using static SesamTalk.Connectors.Engine.DeletePolicy;
using static SesamTalk.Engine.Tests.Decide.DecideLab;
using static SesamTalk.SyncSide;

namespace SesamTalk.Engine.Tests.Decide;

/// <summary>
/// <see cref="RecordDecider{TEntity}.Deleted"/>, row by row: a linked record deleted on one side, under each
/// <see cref="DeletePolicy"/> and what each side can do. Every delete drops the link and is counted by the breaker; an
/// unlink alone is not.
/// </summary>
public sealed class DecideDeleteTests
{
    public static TheoryData<DeleteCase> Rows => new()
    {
        // What                                                                 deleted on policy      can delete -> kind     side    soft   write
        Row("ignored: a host delete only drops the link",                      Local,  Ignore,     true,     "Unlink", null,   false, null),
        Row("ignored: a remote delete only drops the link",                    Remote, Ignore,     true,     "Unlink", null,   false, null),
        Row("propagated: a host delete deletes the remote record",             Local,  Propagate,  true,     "Delete", Remote, false, null),
        Row("propagated: a remote delete deletes the host record",             Remote, Propagate,  true,     "Delete", Local,  false, null),
        Row("propagated to an API that cannot delete: only the link goes",     Local,  Propagate,  false,    "Unlink", null,   false, null),
        Row("propagated from an API that cannot delete: the host record goes", Remote, Propagate,  false,    "Delete", Local,  false, null),
        Row("soft: a host delete marks the remote record",                     Local,  SoftDelete, true,     "Delete", Remote, true,  "Notes=true"),
        Row("soft: a remote delete marks the host record",                     Remote, SoftDelete, true,     "Delete", Local,  true,  null),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_deleted_linked_record_is_decided_as_the_policy_says(DeleteCase row) => row.Check();

    [Theory]
    [InlineData(Local, "names no SoftDeleteField")]
    [InlineData(Remote, "does not implement IHostSoftDelete<Product>")]
    public void A_soft_delete_the_side_cannot_do_stops_with_what_to_configure(SyncSide deletedOn, string message)
    {
        var decider = Decider(Rules(SoftDelete, hostSoftDeletes: false, softDeleteField: null));

        var error = Assert.Throws<InvalidOperationException>(() => decider.Deleted(deletedOn, LocalId, Link(Product(RemoteId, "Ada"))));

        Assert.Contains("Product→Shop/Product", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static DeleteCase Row(string what, SyncSide deletedOn, DeletePolicy policy, bool canDelete, string kind, SyncSide? side, bool soft, string? write) =>
        new(what, deletedOn, policy, canDelete, kind, side, soft, write);
}

/// <summary>One row of <see cref="DecideDeleteTests"/>.</summary>
public sealed record DeleteCase(string What, SyncSide DeletedOn, DeletePolicy Policy, bool CanDelete, string Kind, SyncSide? Side, bool Soft, string? Write)
{
    public override string ToString() => What;

    internal void Check()
    {
        var sourceId = DeletedOn == Local ? LocalId : RemoteId;
        var decider = Decider(Rules(Policy, canDelete: CanDelete, hostSoftDeletes: true, softDeleteField: "Notes"));

        var decision = decider.Deleted(DeletedOn, sourceId, Link(Product(RemoteId, "Ada")));

        Assert.Equal((Kind, DeletedOn, sourceId), (DecideLab.Kind(decision), decision.Source, decision.SourceId));
        Assert.Equal(Kind == "Delete", decision.IsMassChange);
        Assert.Equal((LocalId, RemoteId), decision.Ids);
        switch (decision)
        {
            case DeleteDecision delete:
                Assert.Equal((LocalId, RemoteId, Side, Soft), (delete.LocalId, delete.RemoteId, (SyncSide?)delete.Side, delete.Soft));
                Assert.Equal(Write, Fields(delete.SoftDeleteWrite));
                Assert.Equal(Write is null ? null : RemoteId, delete.SoftDeleteWrite?.Id);
                break;
            case UnlinkDecision unlink:
                Assert.Equal((LocalId, RemoteId), (unlink.LocalId, unlink.RemoteId));
                break;
        }
    }
}
