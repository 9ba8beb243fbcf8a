using SesamTalk.Mapping.Tests.Entities;

namespace SesamTalk.Mapping.Tests;

/// <summary>Lines meet the lines they are: by the line mapping's match key, else by position (<see cref="SyncChildPairing"/>).</summary>
public class QuoteLinePairingTests
{
    private static readonly IEntityMapper<Quote> Quotes = Quote.SyncDefinition.GetMapper(new SyncTarget("SuperOffice", "QuoteAlternative"));
    private static readonly IEntityMapper<QuoteLine> Lines = QuoteLine.SyncDefinition.GetMapper(new SyncTarget("SuperOffice", "QuoteLine"));

    [Fact]
    public void Lines_pair_by_normalised_match_key_each_candidate_once_and_keyless_lines_by_order()
    {
        SyncRecord[] candidates = [Line("SAW", 4), Line("AXE", 2), Line(null, 7), Line("AXE", 5), Line(" ", 8)];
        SyncRecord[] lines = [Line("axe", 3), Line("NEW", 9), Line("  saw ", 4), Line("AXE", 1), Line(null, 1), Line(null, 2), Line(null, 3)];

        var pairs = SyncChildPairing.Pair(lines, candidates, Lines);

        Assert.Equal([1, -1, 0, 3, 2, 4, -1], pairs);
    }

    [Fact]
    public void Without_a_match_key_lines_pair_by_position()
    {
        var positional = Order.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Order")).Children[0].Mapper;

        var pairs = SyncChildPairing.Pair([Line("A", 1), Line("B", 1), Line("C", 1)], [Line("C", 1), Line("A", 1)], positional);

        Assert.Equal([0, 1, -1], pairs);
    }

    [Fact]
    public void Apply_updates_each_line_the_record_names_drops_the_lines_no_record_names_and_adds_new_ones()
    {
        var quote = new Quote
        {
            Lines = [new QuoteLine { Id = 1, Code = "SAW", Quantity = 4 }, new QuoteLine { Id = 2, Code = "AXE", Quantity = 2 }, new QuoteLine { Id = 3, Code = "HAM", Quantity = 1 }],
        };
        var (saw, hammer) = (quote.Lines[0], quote.Lines[2]);
        var record = new SyncRecord("QuoteAlternative") { ["QuoteLines"] = SyncValue.From([Line("HAM", 6), Line("NEW", 9), Line("saw", 5)]) };

        Quotes.Apply(record, quote);

        Assert.Equal([(3L, "HAM", 6m), (0L, "NEW", 9m), (1L, "saw", 5m)], quote.Lines.Select(line => (line.Id, line.Code, line.Quantity)));
        Assert.Same(hammer, quote.Lines[0]);
        Assert.Same(saw, quote.Lines[2]);
    }

    [Fact]
    public void A_line_marked_deleted_is_not_part_of_the_fingerprint()
    {
        var kept = new SyncRecord("QuoteAlternative") { ["QuoteLines"] = SyncValue.From([Line("SAW", 4)]) };
        var withDeleted = new SyncRecord("QuoteAlternative")
        {
            ["QuoteLines"] = SyncValue.From([Line("SAW", 4), new SyncRecord("QuoteLine", "17") { IsDeleted = true }]),
        };

        Assert.Equal(Quotes.Fingerprint(kept, FieldDirection.ToRemote), Quotes.Fingerprint(withDeleted, FieldDirection.ToRemote));
    }

    private static SyncRecord Line(string? code, decimal quantity) =>
        new("QuoteLine") { ["Code"] = code is null ? SyncValue.Null : SyncValue.From(code), ["Quantity"] = SyncValue.From(quantity) };
}
