using System.Globalization;
using SesamTalk.Connectors.Engine;
using static SesamTalk.Engine.Tests.Merge.MergeLab;

namespace SesamTalk.Engine.Tests.Merge;

/// <summary>
/// One row of a line merge table. A line is written <c>"sku×quantity"</c> (Shop order lines) or
/// <c>"entry×quantity"</c>, optionally <c>"@order"</c> for the parent field (Salesforce order items); each side's line
/// records carry an id saying whose they are (<c>h:</c> the host's, <c>r:</c> the remote's), and the expected lines
/// name the record sent, so a row says both which lines go to a side and whose records they are, in order. A null
/// side does not carry the lines (not read); a null agreed list is a first contact; null expected lines are not written.
/// </summary>
public sealed record LineCase(
    string What,
    string[]? Host,
    string[]? Remote,
    string[]? Agreed,
    Clock Clock,
    SyncSide Origin,
    string[]? ToHost,
    string[]? ToRemote,
    bool EmptiesLines,
    string[]? NewAgreed)
{
    /// <summary>Shop orders (no match key) or Salesforce purchases (matched on the price-book entry).</summary>
    internal IEntityMapper Mapper { get; init; } = Orders;

    /// <summary>The remote lines as the remote system stored the agreed ones, when that differs (<c>@remote</c>).</summary>
    public string[]? Stored { get; init; }

    /// <summary>The stored form the agreed state keeps after the merge.</summary>
    public string[]? NewStored { get; init; }

    /// <summary>The lines both sides changed: (host line, remote line, winner), as recorded.</summary>
    public (string Host, string Remote, SyncSide Winner)[] Conflicts { get; init; } = [];

    public override string ToString() => What;

    internal void Check()
    {
        var fields = MergeField.Of(Mapper);
        var field = fields.Single(candidate => !candidate.IsScalar);
        var agreed = State(field, Agreed, Stored);
        var agreedBefore = agreed?.ToString();

        var outcome = FieldMerge.Merge(fields, Mapper.Target.Type, Parent("h", Host), Parent("r", Remote), agreed, ClockOf(Clock), Origin);

        Assert.Equal(ToHost, Written(outcome.ToHost, field.Name));
        Assert.Equal(ToRemote, Written(outcome.ToRemote, field.Name));
        Assert.Equal(
            [.. Conflicts.Select(conflict => new MergeConflict(field.Name, RecordText.Of(Line("h", conflict.Host)), RecordText.Of(Line("r", conflict.Remote)), ConflictRule.LatestWins, conflict.Winner))],
            outcome.Conflicts);
        Assert.Equal(EmptiesLines, outcome.EmptiesLines);
        Assert.Equal(State(field, NewAgreed, NewStored)?.ToString() ?? "{}", outcome.Agreed.ToString());
        Assert.Equal(agreedBefore, agreed?.ToString());
    }

    private SyncRecord Parent(string side, string[]? lines)
    {
        var field = Mapper.Children.Single().Field;
        var record = new SyncRecord(Mapper.Target.Type, side + "-parent");
        if (lines is not null)
        {
            record[field] = SyncValue.From([.. lines.Select(line => Line(side, line))]);
        }

        return record;
    }

    private AgreedState? State(MergeField field, string[]? lines, string[]? stored)
    {
        if (lines is null)
        {
            return null;
        }

        var state = AgreedState.Empty();
        state.Set(field.Name, LineMerge.Token([.. lines.Select(line => Line("a", line))], field.Lines!));
        if (stored is not null)
        {
            state.SetRemote(field.Name, field.Token(Parent("r", stored))!);
        }

        return state;
    }

    /// <summary>A line record: <c>"a×2"</c> is Sku a, Quantity 2; <c>"E1×2@801"</c> is entry E1, 2 at 10, under order 801.</summary>
    private SyncRecord Line(string side, string text)
    {
        var child = Mapper.Children.Single();
        var line = new SyncRecord(child.Mapper.Target.Type, side + ":" + text);
        var (body, parent) = text.Split('@') is [var head, var order] ? (head, order) : (text, null);
        var key = body[..body.IndexOf('×', StringComparison.Ordinal)];
        var quantity = decimal.Parse(body[(body.IndexOf('×', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
        if (child.ParentField is null)
        {
            line["Sku"] = SyncValue.From(key);
            line["Quantity"] = SyncValue.From(quantity);
        }
        else
        {
            line["PricebookEntryId"] = SyncValue.From(key);
            line["Quantity"] = SyncValue.From(quantity);
            line["UnitPrice"] = SyncValue.From(10m);
            if (parent is not null)
            {
                line[child.ParentField] = SyncValue.From(parent);
            }
        }

        return line;
    }

    private static string[]? Written(SyncRecord written, string field)
    {
        Assert.True(written.Count <= 1 && written.FieldNames.All(name => name == field), "only the lines are written");
        return written.TryGetValue(field, out var lines) ? [.. lines.AsRecords()!.Select(line => line.Id!)] : null;
    }
}
