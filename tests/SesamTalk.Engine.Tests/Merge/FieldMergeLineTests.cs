using SesamTalk.Connectors.Engine;
using static SesamTalk.Engine.Tests.Merge.Clock;
using static SesamTalk.Engine.Tests.Merge.MergeLab;
using static SesamTalk.SyncSide;

namespace SesamTalk.Engine.Tests.Merge;

/// <summary>
/// <see cref="FieldMerge"/> on child collections (through <see cref="LineMerge"/>), row by row: Shop order lines
/// (no match key) and Salesforce order items (matched on the price-book entry, the order id left out of a line's
/// print). Expected lines name the record sent: <c>h:</c> the host's, <c>r:</c> the remote's.
/// </summary>
public sealed class FieldMergeLineTests
{
    public static TheoryData<LineCase> Linked => new()
    {
        // What                                                       host                 remote               agreed               clock        born on -> to host              to remote              empties agreed
        Row("nothing changed",                                        ["a×1", "b×1"],      ["a×1", "b×1"],      ["a×1", "b×1"],      Unknown,     Local,     null,                  null,                  false, ["a×1", "b×1"]),
        Row("lines in another order are no change",                   ["a×1", "b×1"],      ["b×1", "a×1"],      ["a×1", "b×1"],      RemoteLater, Remote,    null,                  null,                  false, ["a×1", "b×1"]),
        Row("a line added on the host goes to the remote side",       ["a×1", "b×1", "c×1"], ["a×1", "b×1"],    ["a×1", "b×1"],      RemoteLater, Remote,    null,                  ["r:a×1", "r:b×1", "h:c×1"], false, ["a×1", "b×1", "c×1"]),
        Row("a line added remotely comes to the host after its lines", ["a×1", "b×1"],     ["c×1", "a×1", "b×1"], ["a×1", "b×1"],    HostLater,   Local,     ["r:a×1", "r:b×1", "r:c×1"], null,            false, ["a×1", "b×1", "c×1"]),
        Row("a line removed on the host is removed remotely",         ["a×1"],             ["a×1", "b×1"],      ["a×1", "b×1"],      RemoteLater, Remote,    null,                  ["r:a×1"],             false, ["a×1"]),
        Row("a line removed remotely is removed on the host",         ["a×1", "b×1"],      ["b×1"],             ["a×1", "b×1"],      HostLater,   Local,     ["r:b×1"],             null,                  false, ["b×1"]),
        Row("added on the host and removed remotely: both happen",    ["a×1", "b×1", "c×1"], ["a×1"],           ["a×1", "b×1"],      Unknown,     Local,     ["r:a×1", "h:c×1"],    ["r:a×1", "h:c×1"],    false, ["a×1", "c×1"]),
        Row("the same line added on both sides is added once",        ["a×1", "c×1"],      ["c×1", "a×1"],      ["a×1"],             Unknown,     Local,     null,                  null,                  false, ["a×1", "c×1"]),
        Row("one of two equal lines removed on the host",              ["a×1"],             ["a×1", "a×1"],      ["a×1", "a×1"],      Unknown,     Local,     null,                  ["r:a×1"],             false, ["a×1"]),
        Row("a second equal line added on the host is a line",        ["a×1", "a×1"],      ["a×1"],             ["a×1"],             Unknown,     Local,     null,                  ["r:a×1", "h:a×1"],    false, ["a×1", "a×1"]),
        Row("one line changed on each side: both changes arrive",     ["a×2", "b×1"],      ["a×1", "b×3"],      ["a×1", "b×1"],      RemoteLater, Local,     ["h:a×2", "r:b×3"],    ["h:a×2", "r:b×3"],    false, ["a×2", "b×3"]),
        Row("a line changed on both to the same value: no conflict",  ["a×2", "b×1"],      ["b×1", "a×2"],      ["a×1", "b×1"],      RemoteLater, Local,     null,                  null,                  false, ["a×2", "b×1"]),
        Row("changed on the host, removed remotely: the change stays", ["a×2", "b×1"],     ["b×1"],             ["a×1", "b×1"],      RemoteLater, Remote,    null,                  ["r:b×1", "h:a×2"],    false, ["a×2", "b×1"]),
        Row("removed on the host, changed remotely: the change stays", ["b×1"],            ["a×3", "b×1"],      ["a×1", "b×1"],      HostLater,   Local,     ["r:b×1", "r:a×3"],    null,                  false, ["a×3", "b×1"]),
    };

    public static TheoryData<LineCase> Emptied => new()
    {
        Row("the host emptied its lines: the remote lines go, counted", [],                ["a×1", "b×1"],      ["a×1", "b×1"],      RemoteLater, Remote,    null,                  [],                    true,  []),
        Row("the remote side emptied its lines: the host's go, counted", ["a×1", "b×1"],   [],                  ["a×1", "b×1"],      HostLater,   Local,     [],                    null,                  true,  []),
        Row("both sides emptied their lines: nothing left to empty",  [],                  [],                  ["a×1", "b×1"],      Unknown,     Local,     null,                  null,                  false, []),
        Row("the host emptied its lines, the remote ones unread",     [],                  null,                ["a×1", "b×1"],      Unknown,     Local,     null,                  [],                    true,  []),
        Row("an emptying on one side and an edit on the other keeps the edit", [],         ["a×2", "b×1"],      ["a×1", "b×1"],      HostLater,   Local,     ["r:a×2"],             ["r:a×2"],             false, ["a×2"]),
    };

    public static TheoryData<LineCase> FirstContact => new()
    {
        Row("equal lines in another order agree",                     ["a×1", "b×1"],      ["b×1", "a×1"],      null,                Unknown,     Local,     null,                  null,                  false, ["a×1", "b×1"]),
        Row("a remote side without lines never overwrites the host's", ["a×1"],            [],                  null,                RemoteLater, Remote,    null,                  ["h:a×1"],             false, ["a×1"]),
        Row("a host without lines never overwrites the remote's",     [],                  ["a×1"],             null,                HostLater,   Local,     ["r:a×1"],             null,                  false, ["a×1"]),
        Row("different lines, times unknown: born on the host, host's whole", ["a×1", "b×2"], ["c×1"],          null,                Unknown,     Local,     null,                  ["h:a×1", "h:b×2"],    false, ["a×1", "b×2"]),
        Row("different lines, times unknown: born remotely, remote's whole", ["a×1", "b×2"], ["c×1"],           null,                Unknown,     Remote,    ["r:c×1"],             null,                  false, ["c×1"]),
        Row("different lines: a later host beats the origin",         ["a×1"],             ["c×1"],             null,                HostLater,   Remote,    null,                  ["h:a×1"],             false, ["a×1"]),
        Row("unread remote lines leave the lines alone",              ["a×1"],             null,                null,                Unknown,     Local,     null,                  null,                  false, null),
    };

    public static TheoryData<LineCase> NotRead => new()
    {
        Row("unread remote lines count as the agreed ones: a host addition goes", ["a×1", "c×1"], null,        ["a×1"],             Unknown,     Local,     null,                  ["h:a×1", "h:c×1"],    false, ["a×1", "c×1"]),
        Row("unread remote lines, host unchanged: nothing",           ["a×1"],             null,                ["a×1"],             Unknown,     Local,     null,                  null,                  false, ["a×1"]),
        Row("a host record without its lines leaves them alone",      null,                ["a×1", "b×1"],      ["a×1"],             Unknown,     Local,     null,                  null,                  false, ["a×1"]),
    };

    public static TheoryData<LineCase> Conflicts => new()
    {
        Row("a line both changed, the remote later: the remote change wins", ["a×2", "b×1"], ["a×3", "b×1"],    ["a×1", "b×1"],      RemoteLater, Local,     ["r:b×1", "r:a×3"],    null,                  false, ["a×3", "b×1"])
            with { Conflicts = [("a×2", "a×3", Remote)] },
        Row("a line both changed, the host later: the host change wins", ["a×2", "b×1"], ["a×3", "b×1"],        ["a×1", "b×1"],      HostLater,   Remote,    null,                  ["r:b×1", "h:a×2"],    false, ["a×2", "b×1"])
            with { Conflicts = [("a×2", "a×3", Local)] },
        Row("a line both changed, times equal: born remotely, the remote's wins", ["a×2"], ["a×3"],             ["a×1"],             Equal,       Remote,    ["r:a×3"],             null,                  false, ["a×3"])
            with { Conflicts = [("a×2", "a×3", Remote)] },
        Row("with a match key, two lines both changed pair by key",   ["E2×5", "E1×2"],    ["E1×3", "E2×6"],    ["E1×1", "E2×1"],    HostLater,   Remote,    null,                  ["h:E2×5", "h:E1×2"],  false, ["E1×2", "E2×5"])
            with { Mapper = Purchases, Conflicts = [("E2×5", "E2×6", Local), ("E1×2", "E1×3", Local)] },
    };

    /// <summary>
    /// Without a match key, lines both sides changed pair by what they still share (here the SKU), each line in one pair:
    /// every pair is recorded once (before LineSets paired the winner's line again, naming one line twice).
    /// </summary>
    public static TheoryData<LineCase> PairedByWhatTheyShare => new()
    {
        Row("without a match key, two lines both changed, the host later: each pair recorded once", ["a×2", "b×2"], ["a×3", "b×3"], ["a×1", "b×1"], HostLater, Local, null, ["h:a×2", "h:b×2"], false, ["a×2", "b×2"])
            with { Conflicts = [("a×2", "a×3", Local), ("b×2", "b×3", Local)] },
        Row("without a match key, two lines both changed, the remote later: each pair recorded once", ["a×2", "b×2"], ["a×3", "b×3"], ["a×1", "b×1"], RemoteLater, Local, ["r:a×3", "r:b×3"], null, false, ["a×3", "b×3"])
            with { Conflicts = [("a×2", "a×3", Remote), ("b×2", "b×3", Remote)] },
    };

    public static TheoryData<LineCase> StoredForms => new()
    {
        Row("the line's parent field is no part of it",               ["E1×1"],            ["E1×1@801"],        ["E1×1"],            RemoteLater, Remote,    null,                  null,                  false, ["E1×1"])
            with { Mapper = Purchases },
        Row("remote lines read as stored are the agreed ones",        ["a ×1"],            ["a×1"],             ["a ×1"],            RemoteLater, Remote,    null,                  null,                  false, ["a ×1"])
            with { Stored = ["a×1"], NewStored = ["a×1"] },
        Row("a host addition beside stored lines goes as the host holds them", ["a ×1", "b×1"], ["a×1"],        ["a ×1"],            RemoteLater, Remote,    null,                  ["h:a ×1", "h:b×1"],   false, ["a ×1", "b×1"])
            with { Stored = ["a×1"] },
        Row("without the stored form the trimmed line looks like a remote change", ["a ×1"], ["a×1"],           ["a ×1"],            Unknown,     Local,     ["r:a×1"],             null,                  false, ["a×1"]),
        Row("a real remote edit of stored lines compares them as read (the whole-collection rule)", ["a ×1"], ["a×1", "b×1"], ["a ×1"], HostLater, Local, ["r:a×1", "r:b×1"],      null,                  false, ["a×1", "b×1"])
            with { Stored = ["a×1"] },
    };

    [Theory]
    [MemberData(nameof(Linked))]
    public void Linked_lines_merge_line_by_line(LineCase row) => row.Check();

    [Theory]
    [MemberData(nameof(Emptied))]
    public void A_merge_that_leaves_a_record_without_its_lines_is_counted(LineCase row) => row.Check();

    [Theory]
    [MemberData(nameof(FirstContact))]
    public void On_first_contact_no_lines_never_overwrite_lines_and_otherwise_one_side_wins_whole(LineCase row) => row.Check();

    [Theory]
    [MemberData(nameof(NotRead))]
    public void Lines_a_side_does_not_carry_are_taken_as_agreed(LineCase row) => row.Check();

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void A_line_both_sides_changed_differently_is_a_conflict_the_rule_settles(LineCase row) => row.Check();

    [Theory]
    [MemberData(nameof(PairedByWhatTheyShare))]
    public void Lines_both_sides_changed_without_a_match_key_are_each_recorded_in_one_conflict(LineCase row) => row.Check();

    [Theory]
    [MemberData(nameof(StoredForms))]
    public void Lines_compare_by_their_print_and_stored_form(LineCase row) => row.Check();

    /// <summary>
    /// Without a match key, a line the host added before the line both sides changed is not taken for the change (before,
    /// changes paired with the first addition of each side: the remote's change won over the new line, which was lost on
    /// both sides, while the host's change survived beside the remote's).
    /// </summary>
    [Fact]
    public void A_line_added_on_the_host_is_not_lost_to_a_line_both_sides_changed_without_a_match_key()
    {
        var fields = MergeField.Of(Orders);
        var lines = fields.Single(field => !field.IsScalar);
        var host = Order("h", "c×1", "a×2", "b×1"); // c added first, a changed from 1 to 2
        var remote = Order("r", "a×3", "b×1");      // a changed from 1 to 3, later
        var agreed = AgreedState.Empty();
        agreed.Set("Lines", lines.Token(Order("a", "a×1", "b×1"))!);

        var outcome = FieldMerge.Merge(fields, "Order", host, remote, agreed, ClockOf(RemoteLater), Local);

        // Before the fix: the host was sent [a×2, b×1, a×3] and the remote side [b×1, a×2, a×3]: c×1 lost, line a held
        // twice, and the conflict recorded was c×1 against a×3.
        var merged = outcome.ToHost.TryGetValue("Lines", out var toHost) ? toHost.AsRecords()!.Select(line => line.Id!).Order().ToList() : null;
        Assert.Equal(["h:c×1", "r:a×3", "r:b×1"], merged);
        Assert.Equal(["h:c×1", "r:a×3", "r:b×1"], outcome.ToRemote["Lines"].AsRecords()!.Select(line => line.Id!).Order());
        Assert.Equal([("a×2", "a×3", Remote)], outcome.Conflicts.Select(conflict => (Sku(conflict.LocalValue), Sku(conflict.RemoteValue), conflict.Winner)));
    }

    /// <summary>"a×2" from a conflict's record text.</summary>
    private static string Sku(string recordText)
    {
        var fields = System.Text.Json.JsonDocument.Parse(recordText).RootElement.GetProperty("fields");
        return fields.GetProperty("Sku").GetString() + "×" + fields.GetProperty("Quantity").GetString();
    }

    [Fact]
    public void An_agreed_token_from_before_lines_merged_one_by_one_is_read_as_the_lines_of_the_side_it_hashes()
    {
        var fields = MergeField.Of(Orders);
        var lines = fields.Single(field => !field.IsScalar);
        var host = Order("h", "a×1", "b×1");
        var remote = Order("r", "a×1", "b×1", "c×1");
        var agreed = AgreedState.Empty();
        agreed.Set("Lines", Legacy(host));

        var outcome = FieldMerge.Merge(fields, "Order", host, remote, agreed, ClockOf(HostLater), Local);

        Assert.Equal(["Lines"], outcome.ToHost.FieldNames);
        Assert.Equal(["r:a×1", "r:b×1", "r:c×1"], outcome.ToHost["Lines"].AsRecords()!.Select(line => line.Id));
        Assert.Equal(0, outcome.ToRemote.Count);
        Assert.Empty(outcome.Conflicts);
        var expected = AgreedState.Empty();
        expected.Set("Lines", lines.Token(remote)!);
        Assert.Equal(expected.ToString(), outcome.Agreed.ToString());
    }

    [Fact]
    public void An_old_agreed_token_neither_side_hashes_to_merges_as_on_first_contact()
    {
        var fields = MergeField.Of(Orders);
        var host = Order("h", "a×1");
        var remote = Order("r", "c×1");
        var agreed = AgreedState.Empty();
        agreed.Set("Lines", Legacy(Order("a", "b×1")));

        var outcome = FieldMerge.Merge(fields, "Order", host, remote, agreed, ClockOf(Unknown), Remote);

        Assert.Equal(["r:c×1"], outcome.ToHost["Lines"].AsRecords()!.Select(line => line.Id));
        Assert.Equal(0, outcome.ToRemote.Count);
        Assert.Empty(outcome.Conflicts);
        Assert.False(outcome.EmptiesLines);
    }

    private static SyncRecord Order(string side, params string[] lines) =>
        new("Order", side + "-parent")
        {
            ["Lines"] = SyncValue.From([.. lines.Select(text => new SyncRecord("OrderLine", side + ":" + text)
            {
                ["Sku"] = SyncValue.From(text[..text.IndexOf('×', StringComparison.Ordinal)]),
                ["Quantity"] = SyncValue.From(decimal.Parse(text[(text.IndexOf('×', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture)),
            })]),
        };

    /// <summary>The token stores kept before lines merged one by one: one hash of the whole collection.</summary>
    private static string Legacy(SyncRecord order)
    {
        var builder = new SyncFingerprintBuilder();
        builder.AddChildren(order, "Lines", FieldDirection.Both, Orders.Children.Single().Mapper);
        return builder.ToFingerprint().ToString();
    }

    private static LineCase Row(
        string what, string[]? host, string[]? remote, string[]? agreed, Clock clock, SyncSide origin, string[]? toHost, string[]? toRemote, bool empties, string[]? newAgreed) =>
        new(what, host, remote, agreed, clock, origin, toHost, toRemote, empties, newAgreed);
}
