using SesamTalk.Connectors.Engine;
using static SesamTalk.ConflictRule;
using static SesamTalk.Engine.Tests.Merge.Clock;
using static SesamTalk.Engine.Tests.Merge.MergeLab;
using static SesamTalk.FieldDirection;
using static SesamTalk.SyncSide;

namespace SesamTalk.Engine.Tests.Merge;

/// <summary>
/// <see cref="FieldMerge"/> where the remote system stored another form of the agreed value than the one written
/// (<c>@remote</c> in the agreed state): Salesforce trims text ("Ann " is stored "Ann"), keeps datetimes to the second
/// and holds currency as a double. Each side is compared with its own form, so the stored form is no edit, while a real
/// edit on either side still travels. Fields are the generated Salesforce Contact and PricebookEntry ones.
/// </summary>
public sealed class FieldMergeStoredFormTests
{
    private const string Sent = "Ann ";
    private const string Kept = "Ann";

    private static readonly DateTimeOffset Bounced = new(2026, 12, 1, 14, 20, 17, 987, TimeSpan.Zero);
    private static readonly DateTimeOffset BouncedToTheSecond = new(2026, 12, 1, 14, 20, 17, TimeSpan.Zero);

    /// <summary>What Salesforce answers for <see cref="BouncedToTheSecond"/>: text, a colon-less offset.</summary>
    private const string BouncedAsAnswered = "2026-12-01T14:20:17.000+0000";

    public static TheoryData<ScalarCase> TrimmedText => new()
    {
        // LastName, both ways, latest wins; agreed "Ann ", stored "Ann" unless the row says otherwise.
        // What                                                          host   remote clock        born on -> to host to remote winner agreed stored
        Text("the trimmed echo of a write is no edit",                   Sent,  Kept,  Unknown,     Local,     No,    No,      null,  Sent, Kept),
        Text("the trimmed echo in a later remote record is no edit",     Sent,  Kept,  RemoteLater, Remote,    No,    No,      null,  Sent, Kept),
        Text("a real host edit still travels, as the host holds it",     "Bea ", Kept, RemoteLater, Remote,    No,    "Bea ",  null,  "Bea ", No),
        Text("a real remote edit still travels",                         Sent,  "Cy",  HostLater,   Local,     "Cy",  No,      null,  "Cy", No),
        Text("the remote clearing the field is a real edit",             Sent,  null,  HostLater,   Local,     null,  No,      null,  null, No),
        Text("both edited, the remote later: a conflict the remote wins", "Bea ", "Cy", RemoteLater, Local,     "Cy",  No,      Remote, "Cy", No),
        Text("both edited, the host later: a conflict the host wins",    "Bea ", "Cy", HostLater,   Remote,    No,    "Bea ",  Local, "Bea ", No),
        Text("the host taking the stored form is no conflict",           Kept,  Kept,  HostLater,   Local,     No,    No,      null,  Kept, No),
        Text("without the stored form the trimmed echo looks like an edit", Sent, Kept, Unknown,    Local,     Kept,  No,      null,  Kept, No) with { Stored = No },
        Text("to remote: the trimmed echo is never read back",           Sent,  Kept,  RemoteLater, Remote,    No,    No,      null,  Sent, Kept) with { Direction = ToRemote },
        Text("to remote: a real host edit travels",                      "Bea ", Kept, RemoteLater, Remote,    No,    "Bea ",  null,  "Bea ", No) with { Direction = ToRemote },
    };

    public static TheoryData<ScalarCase> DatetimesToTheSecond => new()
    {
        // EmailBouncedDate; agreed 14:20:17.987Z, stored 14:20:17.000Z.
        // What                                                          host, remote, clock, born on -> to host, to remote, winner, agreed, stored
        Time("a datetime cut to the second is no edit",                  Bounced, BouncedAsAnswered, Unknown, Local, No, No, null, Bounced, BouncedToTheSecond),
        Time("the same instant in another offset is no host edit",       Bounced.ToOffset(TimeSpan.FromHours(2)), BouncedAsAnswered, HostLater, Local, No, No, null, Bounced, BouncedToTheSecond),
        Time("a host edit within the same second still travels",         Bounced.AddMilliseconds(-487), BouncedAsAnswered, RemoteLater, Remote, No, Bounced.AddMilliseconds(-487), null, Bounced.AddMilliseconds(-487), No),
        Time("a remote edit travels as answered",                        Bounced, "2026-12-02T09:00:00.000+0000", HostLater, Local, "2026-12-02T09:00:00.000+0000", No, null, new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), No),
        Time("both edited, the host later: a conflict the host wins",    Bounced.AddDays(1), "2026-12-02T09:00:00.000+0000", HostLater, Remote, No, Bounced.AddDays(1), Local, Bounced.AddDays(1), No),
    };

    public static TheoryData<ScalarCase> NumbersAsDoubles => new()
    {
        // UnitPrice (currency); agreed 49.9999999999999972, stored 50.
        // What                                                          host, remote, clock, born on -> to host, to remote, agreed, stored
        Price("a price held as a double is no edit",                     49.9999999999999972m, 50m, RemoteLater, Local, No, No, 49.9999999999999972m, 50m),
        Price("a real remote price change travels",                      49.9999999999999972m, 51m, HostLater, Local, 51m, No, 51m, No),
        Price("a real host price change travels",                        45m, 50m, RemoteLater, Remote, No, 45m, 45m, No),
    };

    [Theory]
    [MemberData(nameof(TrimmedText))]
    public void Trimmed_text_is_no_edit_but_a_real_edit_travels(ScalarCase row) => row.Check();

    [Theory]
    [MemberData(nameof(DatetimesToTheSecond))]
    public void A_datetime_kept_to_the_second_is_no_edit_but_a_real_edit_travels(ScalarCase row) => row.Check();

    [Theory]
    [MemberData(nameof(NumbersAsDoubles))]
    public void A_number_held_as_a_double_is_no_edit_but_a_real_edit_travels(ScalarCase row) => row.Check();

    [Fact]
    public void The_stored_form_read_from_the_link_store_json_keeps_the_echo_quiet()
    {
        var fields = MergeField.Of(People);
        var lastName = fields.Single(field => field.Name == "LastName");
        var json = "{\"LastName\":\"" + Token(lastName, Sent) + "\",\"@remote\":{\"LastName\":\"" + Token(lastName, Kept) + "\"}}";
        var agreed = AgreedState.Parse(json)!;
        var host = new SyncRecord("Contact", "h") { ["LastName"] = SyncValue.From(Sent) };
        var remote = new SyncRecord("Contact", "r") { ["LastName"] = SyncValue.From(Kept) };

        var outcome = FieldMerge.Merge(fields, "Contact", host, remote, agreed, ClockOf(RemoteLater), Remote);

        Assert.Equal((0, 0), (outcome.ToHost.Count, outcome.ToRemote.Count));
        Assert.Empty(outcome.Conflicts);
        Assert.Equal(json, outcome.Agreed.ToString());
    }

    private static ScalarCase Text(string what, object? host, object? remote, Clock clock, SyncSide origin, object? toHost, object? toRemote, SyncSide? winner, object? newAgreed, object? newStored) =>
        new ScalarCase(what, "LastName", Both, LatestWins, host, remote, Sent, clock, origin, toHost, toRemote, winner, newAgreed) { Mapper = People, Stored = Kept, NewStored = newStored };

    private static ScalarCase Time(string what, object? host, object? remote, Clock clock, SyncSide origin, object? toHost, object? toRemote, SyncSide? winner, object? newAgreed, object? newStored) =>
        new ScalarCase(what, "EmailBouncedDate", Both, LatestWins, host, remote, Bounced, clock, origin, toHost, toRemote, winner, newAgreed) { Mapper = People, Stored = BouncedToTheSecond, NewStored = newStored };

    private static ScalarCase Price(string what, object? host, object? remote, Clock clock, SyncSide origin, object? toHost, object? toRemote, object? newAgreed, object? newStored) =>
        new ScalarCase(what, "UnitPrice", Both, LatestWins, host, remote, 49.9999999999999972m, clock, origin, toHost, toRemote, null, newAgreed) { Mapper = ListPrices, Stored = 50m, NewStored = newStored };
}
