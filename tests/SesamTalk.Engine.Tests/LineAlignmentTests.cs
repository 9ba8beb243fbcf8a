using SesamTalk.Connectors.Engine;

namespace SesamTalk.Engine.Tests;

/// <summary>Order lines meet the lines they are (by the line mapping's match key), not the ones at their places.</summary>
public sealed class LineAlignmentTests
{
    [Fact]
    public void Incoming_lines_line_up_with_the_existing_lines_they_match_and_new_ones_follow()
    {
        var mapper = new LineMapper(["Code"]);
        SyncRecord[] existing = [Line("SAW", 4), Line("AXE", 2), Line("HAM", 1)];
        SyncRecord[] incoming = [Line("AXE", 3), Line("NEW", 9), Line("saw ", 4)];

        var aligned = LineAlignment.ForExisting(mapper, existing, incoming);

        Assert.Equal(["saw ", "AXE", "HAM", "NEW"], aligned.Select(line => line["Code"].AsString()));
        Assert.Same(existing[2], aligned[2]); // nothing came for it: it keeps its own values
        Assert.Same(incoming[0], LineAlignment.Counterpart(mapper, existing[1], incoming, position: 0));
    }

    [Fact]
    public void Without_a_match_key_lines_keep_their_positions()
    {
        var mapper = new LineMapper([]);
        SyncRecord[] existing = [Line("SAW", 4), Line("AXE", 2)];
        SyncRecord[] incoming = [Line("AXE", 3), Line("SAW", 4)];

        Assert.Same(incoming, LineAlignment.ForExisting(mapper, existing, incoming));
        Assert.Same(incoming[1], LineAlignment.Counterpart(mapper, existing[0], incoming, position: 1));
    }

    private static SyncRecord Line(string code, int quantity) =>
        new("QuoteLine") { ["Code"] = SyncValue.From(code), ["Quantity"] = SyncValue.From(quantity) };

    /// <summary>Only the match keys matter to the alignment.</summary>
    private sealed class LineMapper(IReadOnlyList<string> matchKeys) : IEntityMapper
    {
        public SyncTarget Target => new("SuperOffice", "QuoteLine");

        public SyncOrigin Origin => SyncOrigin.Remote;

        public IReadOnlyList<SyncFieldDescriptor> Fields => [];

        public IReadOnlyList<string> MatchKeys => matchKeys;

        public IReadOnlyList<SyncReferenceDescriptor> References => [];

        public IReadOnlyList<SyncChildDescriptor> Children => [];

        public IReadOnlyList<SyncConstant> Constants => [];

        public string Fingerprint(SyncRecord record, FieldDirection direction) => "";
    }
}
