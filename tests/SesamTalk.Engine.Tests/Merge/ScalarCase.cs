using SesamTalk.Connectors.Engine;
using static SesamTalk.Engine.Tests.Merge.MergeLab;

namespace SesamTalk.Engine.Tests.Merge;

/// <summary>
/// One row of a scalar merge table: the field (its direction and rule), each side's value, the agreed value (or
/// <see cref="MergeLab.No"/> for a first contact) and the remote system's stored form of it, the clock and the side the
/// flow's records are born on; then what the merge must send each side, the conflict it records (the winner, or null
/// for none) and the agreed value and stored form it leaves. <see cref="MergeLab.No"/> in a value cell means the record
/// does not carry the field; in an expected cell, that nothing is written (or nothing agreed).
/// </summary>
public sealed record ScalarCase(
    string What,
    string Field,
    FieldDirection Direction,
    ConflictRule Rule,
    object? Host,
    object? Remote,
    object? Agreed,
    Clock Clock,
    SyncSide Origin,
    object? ToHost,
    object? ToRemote,
    SyncSide? Winner,
    object? NewAgreed)
{
    /// <summary>Which generated mapper the field belongs to.</summary>
    internal IEntityMapper Mapper { get; init; } = Products;

    /// <summary>The remote system's stored form of the agreed value, when it differs (<c>@remote</c>).</summary>
    public object? Stored { get; init; } = No;

    /// <summary>The stored form the agreed state keeps after the merge.</summary>
    public object? NewStored { get; init; } = No;

    public override string ToString() => What;

    /// <summary>Runs the row through <see cref="FieldMerge.Merge"/> and asserts every output exactly.</summary>
    internal void Check()
    {
        var fields = Fields(Mapper, Field, Direction, Rule);
        var field = fields.Single(candidate => candidate.Name == Field);
        Assert.Equal((Direction, Rule), (field.Direction, field.Rule));
        var agreed = MergeLab.Agreed(field, Agreed, Stored);
        var agreedBefore = agreed?.ToString();

        var outcome = FieldMerge.Merge(
            fields, Mapper.Target.Type, Record(Mapper, Field, Host, "host-1"), Record(Mapper, Field, Remote, "remote-1"), agreed, ClockOf(Clock), Origin);

        AssertWritten("to the host", ToHost, outcome.ToHost);
        AssertWritten("to the remote system", ToRemote, outcome.ToRemote);
        MergeConflict[] conflicts = Winner is { } winner
            ? [new MergeConflict(Field, Value(Host).ToString(), Value(Remote).ToString(), Rule, winner)]
            : [];
        Assert.Equal(conflicts, outcome.Conflicts);
        Assert.Equal(MergeLab.Agreed(field, NewAgreed, NewStored)?.ToString() ?? "{}", outcome.Agreed.ToString());
        Assert.False(outcome.EmptiesLines);
        Assert.Equal(agreedBefore, agreed?.ToString()); // the merge works on a copy of the stored state
    }

    private void AssertWritten(string where, object? expected, SyncRecord written)
    {
        if (expected is Unset)
        {
            Assert.True(written.Count == 0, $"nothing should be written {where}, but {string.Join(", ", written.Select(pair => pair.Key + "=" + pair.Value))} was");
            return;
        }

        Assert.Equal([Field], written.FieldNames);
        Assert.Equal(Value(expected).Kind, written[Field].Kind);
        Assert.Equal(Value(expected), written[Field]);
    }
}
