using SesamTalk.Connectors.Engine;
using static SesamTalk.ConflictRule;
using static SesamTalk.Engine.Tests.Merge.Clock;
using static SesamTalk.Engine.Tests.Merge.MergeLab;
using static SesamTalk.FieldDirection;
using static SesamTalk.SyncSide;

namespace SesamTalk.Engine.Tests.Merge;

/// <summary>
/// <see cref="FieldMerge"/> on one plain field at a time, row by row: each side against the agreed value, the field's
/// direction and rule, the clock and the side records are born on. Product fields are the generated ones (Name: both
/// ways, latest wins; Notes: local wins; Stock: from the remote system; Price: a number); the directions and rules no
/// entity declares are the generated Name restated with them. "Ada" is the agreed value, "Bea" the host's edit and "Cy"
/// the remote one.
/// </summary>
public sealed class FieldMergeScalarTests
{
    private const string A = "Ada";
    private const string B = "Bea";
    private const string C = "Cy";

    public static TheoryData<ScalarCase> Shared => new()
    {
        // What                                                              field    dir   rule        host remote agreed clock        born on  -> to host to remote winner agreed
        Row("nothing changed",                                               "Name", Both, LatestWins, A,   A,     A,     Unknown,     Local,      No,     No,       null,  A),
        Row("only the host changed, though the remote record is later",      "Name", Both, LatestWins, B,   A,     A,     RemoteLater, Local,      No,     B,        null,  B),
        Row("only the remote changed, though the host is later",             "Name", Both, LatestWins, A,   C,     A,     HostLater,   Local,      C,      No,       null,  C),
        Row("both changed to the same value: no conflict, nothing written",  "Name", Both, LatestWins, B,   B,     A,     RemoteLater, Local,      No,     No,       null,  B),
        Row("both changed, latest wins, the host is later",                  "Name", Both, LatestWins, B,   C,     A,     HostLater,   Remote,     No,     B,        Local, B),
        Row("both changed, latest wins, the remote is later",                "Name", Both, LatestWins, B,   C,     A,     RemoteLater, Local,      C,      No,       Remote, C),
        Row("both changed at the same instant: records born on the host",    "Name", Both, LatestWins, B,   C,     A,     Equal,       Local,      No,     B,        Local, B),
        Row("both changed at the same instant: records born remotely",       "Name", Both, LatestWins, B,   C,     A,     Equal,       Remote,     C,      No,       Remote, C),
        Row("both changed, times unknown: records born on the host",         "Name", Both, LatestWins, B,   C,     A,     Unknown,     Local,      No,     B,        Local, B),
        Row("both changed, host time unknown: records born remotely",        "Name", Both, LatestWins, B,   C,     A,     HostUnknown, Remote,     C,      No,       Remote, C),
        Row("local wins over a later remote edit",                           "Notes", Both, LocalWins, B,   C,     A,     RemoteLater, Remote,     No,     B,        Local, B),
        Row("local wins is no rule for a remote edit alone",                 "Notes", Both, LocalWins, A,   C,     A,     HostLater,   Local,      C,      No,       null,  C),
        Row("remote wins over a later host edit",                            "Name", Both, RemoteWins, B,   C,     A,     HostLater,   Local,      C,      No,       Remote, C),
        Row("remote wins is no rule for a host edit alone",                  "Name", Both, RemoteWins, B,   A,     A,     RemoteLater, Remote,     No,     B,        null,  B),
    };

    public static TheoryData<ScalarCase> Empties => new()
    {
        Row("a later host emptying never overwrites the remote's new value", "Name", Both, LatestWins, null, C,    A,     HostLater,   Local,      C,      No,       Remote, C),
        Row("empty text from the host loses even where local wins",          "Notes", Both, LocalWins, "",  C,     A,     Unknown,     Local,      C,      No,       Remote, C),
        Row("an emptied remote value loses even where remote wins",          "Name", Both, RemoteWins, B,   null,  A,     RemoteLater, Remote,     No,     B,        Local, B),
        Row("the host clearing a field alone is an edit and travels",        "Name", Both, LatestWins, null, A,    A,     RemoteLater, Local,      No,     null,     null,  null),
        Row("the remote emptying a field alone is an edit and travels",      "Name", Both, LatestWins, A,   "",    A,     HostLater,   Local,      "",     No,       null,  ""),
        Row("host null and remote empty text are the same value",            "Name", Both, LatestWins, null, "",   A,     Unknown,     Local,      No,     No,       null,  null),
        Row("first contact: null and empty text agree",                      "Name", Both, LatestWins, "",  null,  No,    Unknown,     Remote,     No,     No,       null,  ""),
    };

    public static TheoryData<ScalarCase> FirstContact => new()
    {
        Row("equal values agree without a write",                            "Name", Both, LatestWins, A,   A,     No,    Unknown,     Local,      No,     No,       null,  A),
        Row("different values, times unknown: born on the host, host wins",  "Name", Both, LatestWins, B,   C,     No,    Unknown,     Local,      No,     B,        null,  B),
        Row("different values, times unknown: born remotely, remote wins",   "Name", Both, LatestWins, B,   C,     No,    Unknown,     Remote,     C,      No,       null,  C),
        Row("different values at the same instant: born remotely",           "Name", Both, LatestWins, B,   C,     No,    Equal,       Remote,     C,      No,       null,  C),
        Row("different values: a later remote record beats the origin",     "Name", Both, LatestWins, B,   C,     No,    RemoteLater, Local,      C,      No,       null,  C),
        Row("different values: remote wins beats a later host",              "Name", Both, RemoteWins, B,   C,     No,    HostLater,   Local,      C,      No,       null,  C),
        Row("different values: local wins beats a later remote record",      "Notes", Both, LocalWins, B,   C,     No,    RemoteLater, Remote,     No,     B,        null,  B),
        Row("an empty host value never overwrites the remote's value",       "Name", Both, LatestWins, null, C,    No,    HostLater,   Local,      C,      No,       null,  C),
        Row("an empty remote value never overwrites the host's value",       "Name", Both, LatestWins, B,   "",    No,    RemoteLater, Remote,     No,     B,        null,  B),
        Row("a remote record without the field gets the host's value",      "Name", Both, LatestWins, B,   No,    No,    RemoteLater, Remote,     No,     B,        null,  B),
        Row("a host record without the field gets the remote's value",      "Name", Both, LatestWins, No,  C,     No,    HostLater,   Local,      C,      No,       null,  C),
        Row("a remote record without the field and an empty host agree",    "Name", Both, LatestWins, null, No,   No,    Unknown,     Local,      No,     No,       null,  null),
    };

    public static TheoryData<ScalarCase> NotRead => new()
    {
        Row("a field the remote record lacks counts as unchanged: host edit travels", "Name", Both, LatestWins, B, No, A, RemoteLater, Remote, No, B, null, B),
        Row("a field the remote record lacks, host unchanged: nothing",      "Name", Both, LatestWins, A,   No,    A,     Unknown,     Local,      No,     No,       null,  A),
        Row("a field the host record lacks counts as unchanged: remote edit travels", "Name", Both, LatestWins, No, C, A, HostLater, Local, C, No, null, C),
    };

    public static TheoryData<ScalarCase> OneWay => new()
    {
        Row("to remote: a host edit is written, the remote's own edit ignored", "Name", ToRemote, LatestWins, B, C,  A,     RemoteLater, Remote,     No,     B,        null,  B),
        Row("to remote: a remote edit alone never reaches the host",         "Name", ToRemote, LatestWins, A, C,    A,     RemoteLater, Remote,     No,     No,       null,  A),
        Row("to remote: remote wins never brings the remote value back",     "Name", ToRemote, RemoteWins, B, C,    A,     RemoteLater, Remote,     No,     B,        null,  B),
        Row("to remote: clearing the host value travels",                    "Name", ToRemote, LatestWins, null, A, A,     Unknown,     Local,      No,     null,     null,  null),
        Row("to remote: a host record without the field writes nothing",     "Name", ToRemote, LatestWins, No, C,   A,     Unknown,     Local,      No,     No,       null,  A),
        Row("to remote, first contact: the host value wins whoever is born where", "Name", ToRemote, LatestWins, B, C, No, RemoteLater, Remote, No,  B,        null,  B),
        Row("to remote, first contact: equal values agree without a write",  "Name", ToRemote, LatestWins, B, B,    No,    Unknown,     Remote,     No,     No,       null,  B),
        Row("to remote, first contact: a remote record without the field is written", "Name", ToRemote, LatestWins, B, No, No, Unknown, Remote, No,   B,        null,  B),
        Row("from remote: a remote edit overwrites the host's own edit",     "Stock", FromRemote, LatestWins, 9, 7,  5,     HostLater,   Local,      7,      No,       null,  7),
        Row("to remote, first contact: even an empty host value is written over the remote's", "Name", ToRemote, LatestWins, null, C, No, RemoteLater, Remote, No, null, null, null),
        Row("from remote, first contact: even an empty remote value is written over the host's", "Stock", FromRemote, LatestWins, 9, null, No, HostLater, Local, null, No, null, null),
        Row("from remote: a host edit alone is never written back",          "Stock", FromRemote, LatestWins, 9, 5,  5,     HostLater,   Local,      No,     No,       null,  5),
        Row("from remote: local wins never sends the host value",            "Stock", FromRemote, LocalWins, 9, 7,   5,     HostLater,   Local,      7,      No,       null,  7),
        Row("from remote: a remote record without the field writes nothing", "Stock", FromRemote, LatestWins, 9, No, 5,     Unknown,     Local,      No,     No,       null,  5),
        Row("from remote, first contact: the host lacks the field",          "Stock", FromRemote, LatestWins, No, 5, No,    HostLater,   Local,      5,      No,       null,  5),
        Row("from remote, first contact: equal values agree without a write", "Stock", FromRemote, LatestWins, 5, 5, No,    Unknown,     Local,      No,     No,       null,  5),
        Row("from remote, first contact: the remote value wins over a later host", "Stock", FromRemote, LatestWins, 9, 5, No, HostLater, Local,  5,      No,       null,  5),
    };

    public static TheoryData<ScalarCase> Numbers => new()
    {
        Row("1.0 on the host and 1 remotely are the same number",            "Price", Both, LatestWins, 1.0m, 1m,  1m,    Unknown,     Local,      No,     No,       null,  1m),
        Row("first contact: 1.50 and 1.5 agree",                             "Price", Both, LatestWins, 1.50m, 1.5m, No,  Unknown,     Local,      No,     No,       null,  1.5m),
        Row("first contact: a number read as text agrees with the number",   "Price", Both, LatestWins, 2.5m, "2.50", No,  Unknown,     Local,      No,     No,       null,  2.5m),
        Row("a changed number travels",                                      "Price", Both, LatestWins, 2m,  1.0m,  1m,    RemoteLater, Remote,     No,     2m,       null,  2m),
        Row("a number both changed by scale only is no conflict",            "Price", Both, LatestWins, 2.0m, 2.00m, 1m,   RemoteLater, Remote,     No,     No,       null,  2m),
    };

    public static TheoryData<ScalarCase> NotUpdateable => new()
    {
        Row("a host edit the API will not update is not written; agreed moves on, the remote value kept as its form", "Pricebook2Id", Both, LatestWins, "pb-2", "pb-1", "pb-1", RemoteLater, Local, No, No, null, "pb-2") with { Mapper = ListPrices, NewStored = "pb-1" },
        Row("a remote edit of a field the API will not update reaches the host", "Pricebook2Id", Both, LatestWins, "pb-1", "pb-3", "pb-1", HostLater, Local, "pb-3", No, null, "pb-3") with { Mapper = ListPrices },
        Row("a conflict the host wins is recorded, and still not written",   "Product2Id", Both, LatestWins, "g-2", "g-3", "g-1", HostLater, Remote, No, No, Local, "g-2") with { Mapper = ListPrices, NewStored = "g-3" },
        Row("a conflict the remote wins reaches the host",                   "Product2Id", Both, LatestWins, "g-2", "g-3", "g-1", RemoteLater, Local, "g-3", No, Remote, "g-3") with { Mapper = ListPrices },
        Row("first contact won by the host is not written either",           "Pricebook2Id", Both, LatestWins, "pb-2", "pb-1", No, Unknown, Local, No, No, null, "pb-2") with { Mapper = ListPrices, NewStored = "pb-1" },
        Row("an updateable field of the same mapper is written",             "UnitPrice", Both, LatestWins, 12m, 10m, 10m,  Unknown,     Local,      No,     12m,      null,  12m) with { Mapper = ListPrices },
    };

    [Theory]
    [MemberData(nameof(Shared))]
    public void A_field_both_sides_share_merges_by_its_rule(ScalarCase row) => row.Check();

    [Theory]
    [MemberData(nameof(Empties))]
    public void An_empty_value_never_overwrites_a_value_but_clearing_alone_travels(ScalarCase row) => row.Check();

    [Theory]
    [MemberData(nameof(FirstContact))]
    public void On_first_contact_the_rule_then_the_origin_decides_and_nothing_is_recorded(ScalarCase row) => row.Check();

    [Theory]
    [MemberData(nameof(NotRead))]
    public void A_field_a_record_does_not_carry_counts_as_unchanged(ScalarCase row) => row.Check();

    [Theory]
    [MemberData(nameof(OneWay))]
    public void A_one_way_field_is_never_written_the_wrong_way(ScalarCase row) => row.Check();

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Numbers_compare_by_value_not_by_scale(ScalarCase row) => row.Check();

    [Theory]
    [MemberData(nameof(NotUpdateable))]
    public void A_field_the_API_will_not_update_is_never_written_to_it(ScalarCase row) => row.Check();

    [Fact]
    public void The_list_price_fields_carry_the_catalog_flags_the_rows_rely_on()
    {
        var fields = MergeField.Of(ListPrices).ToDictionary(field => field.Name, field => (field.Createable, field.Updateable));

        Assert.Equal((true, false), fields["Pricebook2Id"]);
        Assert.Equal((true, false), fields["Product2Id"]);
        Assert.Equal((true, true), fields["UnitPrice"]);
    }

    [Fact]
    public void After_a_host_edit_the_API_will_not_take_the_next_merge_leaves_both_sides_as_they_are()
    {
        // The remote record still holds pb-1, which the API will not change: kept as the remote form of the agreed pb-2,
        // it is no remote edit (before, the next merge wrote pb-1 back over the host's pb-2, without a conflict).
        var fields = MergeField.Of(ListPrices);
        var pricebook = fields.Single(field => field.Name == "Pricebook2Id");
        var host = Record(ListPrices, "Pricebook2Id", "pb-2", "host-1");
        var remote = Record(ListPrices, "Pricebook2Id", "pb-1", "remote-1");
        var first = FieldMerge.Merge(fields, "PricebookEntry", host, remote, MergeLab.Agreed(pricebook, "pb-1", No), ClockOf(HostLater), Local);

        var next = FieldMerge.Merge(fields, "PricebookEntry", host, remote, first.Agreed, ClockOf(HostLater), Local);

        Assert.Equal(0, first.ToRemote.Count);
        Assert.Equal(0, next.ToRemote.Count);
        Assert.Equal(0, next.ToHost.Count);
        Assert.Empty(next.Conflicts);
        Assert.Equal(Token(pricebook, "pb-1"), next.Agreed.RemoteToken("Pricebook2Id"));

        // A real remote edit still travels.
        var edited = Record(ListPrices, "Pricebook2Id", "pb-3", "remote-1");
        var after = FieldMerge.Merge(fields, "PricebookEntry", host, edited, next.Agreed, ClockOf(RemoteLater), Local);
        Assert.Equal(SyncValue.From("pb-3"), after.ToHost["Pricebook2Id"]);
    }

    [Fact]
    public void A_field_the_agreed_state_does_not_know_yet_is_settled_as_on_first_contact_without_a_conflict()
    {
        // A link agreed on Sku before Name was mapped: Name has no agreed token.
        var fields = MergeField.Of(Products);
        var agreed = AgreedState.Empty();
        agreed.Set("Sku", Token(fields[0], "SKU-1"));
        var host = new SyncRecord("Product", "h") { ["Sku"] = SyncValue.From("SKU-1"), ["Name"] = SyncValue.From(B) };
        var remote = new SyncRecord("Product", "r") { ["Sku"] = SyncValue.From("SKU-1"), ["Name"] = SyncValue.From(C) };

        var outcome = FieldMerge.Merge(fields, "Product", host, remote, agreed, ClockOf(RemoteLater), Local);

        Assert.Empty(outcome.Conflicts);
        Assert.Equal(["Name"], outcome.ToHost.FieldNames);
        Assert.Equal(SyncValue.From(C), outcome.ToHost["Name"]);
        Assert.Equal(0, outcome.ToRemote.Count);
        var expected = AgreedState.Empty();
        expected.Set("Sku", Token(fields[0], "SKU-1"));
        expected.Set("Name", Token(fields[1], C));
        Assert.Equal(expected.ToString(), outcome.Agreed.ToString());
    }

    [Fact]
    public void Fields_of_one_record_merge_independently_in_one_call()
    {
        // Name changed on the host, Price remotely, Notes on both (local wins), Stock remotely, Sku nowhere.
        var fields = MergeField.Of(Products);
        var agreed = AgreedState.Empty();
        var host = new SyncRecord("Product", "h");
        var remote = new SyncRecord("Product", "r");
        void Field(string name, object? agreedValue, object? hostValue, object? remoteValue)
        {
            agreed.Set(name, Token(fields.Single(field => field.Name == name), agreedValue));
            if (hostValue is not Unset)
            {
                host[name] = Value(hostValue);
            }

            remote[name] = Value(remoteValue);
        }

        Field("Sku", "SKU-1", "SKU-1", "SKU-1");
        Field("Name", A, B, A);
        Field("Price", 10m, 10m, 12.5m);
        Field("Stock", 3, No, 4);
        Field("Notes", "n", "host note", "shop note");

        var outcome = FieldMerge.Merge(fields, "Product", host, remote, agreed, ClockOf(RemoteLater), Local);

        Assert.Equal(["Price", "Stock"], outcome.ToHost.FieldNames);
        Assert.Equal((SyncValue.From(12.5m), SyncValue.From(4)), (outcome.ToHost["Price"], outcome.ToHost["Stock"]));
        Assert.Equal(["Name", "Notes"], outcome.ToRemote.FieldNames);
        Assert.Equal((SyncValue.From(B), SyncValue.From("host note")), (outcome.ToRemote["Name"], outcome.ToRemote["Notes"]));
        Assert.Equal([new MergeConflict("Notes", "host note", "shop note", LocalWins, Local)], outcome.Conflicts);
        var expected = AgreedState.Empty();
        expected.Set("Sku", Token(fields[0], "SKU-1"));
        expected.Set("Name", Token(fields[1], B));
        expected.Set("Price", Token(fields[2], 12.5m));
        expected.Set("Stock", Token(fields[3], 4));
        expected.Set("Notes", Token(fields[4], "host note"));
        Assert.Equal(expected.ToString(), outcome.Agreed.ToString());
    }

    private static ScalarCase Row(
        string what, string field, FieldDirection direction, ConflictRule rule, object? host, object? remote, object? agreed, Clock clock, SyncSide origin,
        object? toHost, object? toRemote, SyncSide? winner, object? newAgreed) =>
        new(what, field, direction, rule, host, remote, agreed, clock, origin, toHost, toRemote, winner, newAgreed);
}
