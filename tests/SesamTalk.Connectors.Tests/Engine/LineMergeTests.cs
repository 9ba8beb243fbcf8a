using SesamTalk.Connectors.Engine;

namespace SesamTalk.Connectors.Tests.Engine;

/// <summary>
/// Order lines merge line by line against the lines both sides last agreed on. Lines are written "sku:quantity"; the
/// line mapping's match key is the sku.
/// </summary>
public sealed class LineMergeTests
{
    private static readonly FieldListMapper Lines = new("Shop", "Line", "Sku", "Qty") { MatchKeys = ["Sku"] };
    private static readonly IReadOnlyList<MergeField> Fields = MergeField.Of(new FieldListMapper("Shop", "Order", "Number").WithChildren("Lines", "OrderId", Lines));
    private static readonly DateTimeOffset Earlier = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Earlier.AddHours(1);

    public static TheoryData<string, string, string?, string, string, string> Cases => new()
    {
        // agreed, host, remote (null: not read), merged, written to the host, written to the remote
        { "a:1 b:2", "a:1 b:2", "a:1 b:2", "a:1 b:2", "-", "-" },
        { "a:1 b:2", "a:5 b:2", "a:1 b:7", "a:5 b:7", "a:5 b:7", "a:5 b:7" },
        { "a:1 b:2", "a:1", "a:1 b:9", "a:1 b:9", "a:1 b:9", "-" },
        { "a:1 b:2", "a:1 b:2 c:3", "a:1 b:2 c:3", "a:1 b:2 c:3", "-", "-" },
        { "a:1 b:2", "a:1 b:2 c:3", "a:1 b:2 d:4", "a:1 b:2 c:3 d:4", "a:1 b:2 c:3 d:4", "a:1 b:2 c:3 d:4" },
        { "a:1 b:2", "", "a:1 b:2", "", "-", "" },
        { "a:1 b:2", "a:1 b:2", "b:2", "b:2", "b:2", "-" },
        { "a:1 b:2", "a:5 b:2", null, "a:5 b:2", "-", "b:2 a:5" },
        { "a:1 a:1", "a:1", "a:1 a:1", "a:1", "-", "a:1" },
        { "-", "a:1 b:2", "", "a:1 b:2", "-", "a:1 b:2" },
        { "-", "", "a:1", "a:1", "a:1", "-" },
        { "-", "a:1", "a:1", "a:1", "-", "-" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lines_merge_one_by_one_against_the_agreed_lines(string agreed, string host, string? remote, string merged, string toHost, string toRemote)
    {
        var outcome = Merge(agreed, host, remote, new MergeClock(Earlier, Later));

        Assert.Equal(Token(merged), Agreed(outcome));
        Assert.Equal(toHost, Written(outcome.ToHost));
        Assert.Equal(toRemote, Written(outcome.ToRemote));
        Assert.Empty(outcome.Conflicts);
    }

    [Theory]
    [InlineData(true, "a:5 b:2")]
    [InlineData(false, "a:7 b:2")]
    public void A_line_both_sides_changed_differently_is_a_conflict_the_later_side_wins(bool hostLater, string merged)
    {
        var outcome = Merge("a:1 b:2", "a:5 b:2", "a:7 b:2", hostLater ? new MergeClock(Later, Earlier) : new MergeClock(Earlier, Later));

        Assert.Equal(Token(merged), Agreed(outcome));
        var conflict = Assert.Single(outcome.Conflicts);
        Assert.Equal(("Lines", hostLater ? SyncSide.Local : SyncSide.Remote), (conflict.Field, conflict.Winner));
    }

    [Fact]
    public void A_merge_that_leaves_a_record_without_lines_is_marked_for_the_breaker()
    {
        Assert.True(Merge("a:1 b:2", "", "a:1 b:2", default).EmptiesLines);
        Assert.False(Merge("a:1 b:2", "a:1", "a:1 b:2", default).EmptiesLines);
    }

    private static MergeOutcome Merge(string agreed, string host, string? remote, MergeClock clock)
    {
        var state = agreed == "-" ? null : AgreedState.Observe(Fields, Order(agreed), Order(agreed));
        return FieldMerge.Merge(Fields, "Order", Order(host), remote is null ? new SyncRecord("Order", "o1") : Order(remote), state, clock, SyncSide.Local);
    }

    private static SyncRecord Order(string lines) => new("Order", "o1")
    {
        ["Lines"] = SyncValue.From([.. Parse(lines).Select(line => new SyncRecord("Line") { ["Sku"] = SyncValue.From(line.Sku), ["Qty"] = SyncValue.From(line.Qty) })]),
    };

    private static IEnumerable<(string Sku, string Qty)> Parse(string lines) =>
        lines.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(line => (line.Split(':')[0], line.Split(':')[1]));

    private static string Token(string lines) => AgreedState.Observe(Fields, Order(lines), Order(lines)).TryGet("Lines", out var token) ? token : "";

    private static string Agreed(MergeOutcome outcome) => outcome.Agreed.TryGet("Lines", out var token) ? token : "";

    /// <summary>The lines written to one side in order, "-" when none are.</summary>
    private static string Written(SyncRecord record) =>
        record.TryGetValue("Lines", out var lines)
            ? string.Join(" ", lines.AsRecords()!.Select(line => line["Sku"].AsString() + ":" + line["Qty"].AsString()))
            : "-";
}
