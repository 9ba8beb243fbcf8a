using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;
using static SesamTalk.Engine.Tests.Decide.DecideLab;
using static SesamTalk.Engine.Tests.Merge.MergeLab;
using static SesamTalk.SyncSide;

namespace SesamTalk.Engine.Tests.Decide;

/// <summary>
/// What the decider makes of a bad record (a quarantine that names the record and the field, tried again next cycle
/// when it names a record not linked yet) and of a merge that empties a linked record's lines (counted by the breaker).
/// </summary>
public sealed class DecideQuarantineAndLinesTests
{
    [Fact]
    public void A_value_the_host_type_cannot_take_is_quarantined_naming_the_record_and_the_field()
    {
        var remote = Product(RemoteId, "Cy");
        remote["Price"] = SyncValue.From("twelve");
        var error = Assert.Throws<SyncMappingException>(() => Entities.Product.SesamTalkShopProductMapper.Instance.Apply(remote, new Entities.Product()));

        var decision = RecordDecider<Product>.Quarantine(Remote, RemoteId, error, RecordText.Of(remote)) with { OtherId = LocalId };

        Assert.Equal((Remote, RemoteId, false), (decision.Source, decision.SourceId, decision.RetryNextCycle));
        Assert.Contains(RemoteId, decision.Error, StringComparison.Ordinal);
        Assert.Contains("Price", decision.Error, StringComparison.Ordinal);
        Assert.Contains("twelve", decision.Payload, StringComparison.Ordinal);
        Assert.False(decision.IsMassChange);
        Assert.Equal((LocalId, RemoteId), decision.Ids);
    }

    [Fact]
    public void A_record_naming_one_not_linked_yet_is_quarantined_for_the_next_cycle()
    {
        var decision = RecordDecider<Product>.Quarantine(Local, LocalId, new SyncReferenceException("Order 'h-1': field CustomerId names Customer 'c-9', which is not linked yet."), payload: null);

        Assert.True(decision.RetryNextCycle);
        Assert.Contains("CustomerId", decision.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ambiguous_match_is_quarantined_naming_the_record_the_key_and_the_candidates()
    {
        var host = Product(LocalId, "Bea");

        var decision = RecordDecider<Product>.Ambiguous(Local, LocalId, "Product 'h-1'", new Match<string>(null, "Sku", 2, ["r-1", "r-2"]), RecordText.Of(host));

        Assert.Equal("Product 'h-1' matches 2 records by Sku (r-1, r-2); an ambiguous match is never linked automatically. Link it by hand.", decision.Error);
        Assert.Contains("Bea", decision.Payload, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], string[], bool, bool> Lines => new()
    {
        // What                                                    host lines   remote lines  linked before -> counted
        { "the host emptied a linked order's lines: counted",     [],          ["a×1", "b×1"], true,         true },
        { "the host removed one line: an update, counted",        ["a×1"],     ["a×1", "b×1"], true,         true },
        { "nothing changed in the lines: not counted",            ["a×1", "b×1"], ["a×1", "b×1"], true,      false },
        { "a pair matched just now, lines differ: not counted",   [],          ["a×1", "b×1"], false,        false },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void A_merge_that_empties_or_changes_a_linked_records_lines_is_counted_by_the_breaker(string what, string[] hostLines, string[] remoteLines, bool linkedBefore, bool counted)
    {
        _ = what;
        var agreedOrder = Order(RemoteId, "a×1", "b×1");
        var fields = MergeField.Of(Orders);
        var agreed = linkedBefore ? AgreedState.Observe(fields, agreedOrder, agreedOrder) : null;
        var decider = new RecordDecider<Order>(Rules(mapper: Orders));

        var merge = decider.Merge(new MergePair<Order>(Local, LocalId, LocalId, new Order { Id = LocalId }, Order(LocalId, hostLines), Order(RemoteId, remoteLines), T0)
        {
            Agreed = agreed,
            NewLink = linkedBefore ? null : RecordDecider<Order>.Matched(intent: null, "Number", agreedOrder),
        });

        Assert.Equal(counted, merge.IsMassChange);
        Assert.Equal(hostLines.Length == 0 && linkedBefore, merge.EmptiesLines);
    }

    /// <summary>A Shop order numbered 1 with lines written <c>"sku×quantity"</c>.</summary>
    private static SyncRecord Order(string id, params string[] lines) =>
        new(Orders.Target.Type, id)
        {
            ["Number"] = SyncValue.From("1"),
            ["Lines"] = SyncValue.From([.. lines.Select(line => line.Split('×')).Select(parts => new SyncRecord("OrderLine") { ["Sku"] = SyncValue.From(parts[0]), ["Quantity"] = SyncValue.From(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)) })]),
        };
}
