using System.Net;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

public sealed class ReplicationTests
{
    private static readonly DateTimeOffset Now = new(2024, 9, 10, 14, 20, 45, TimeSpan.Zero);

    private static string Window(string kind, string start, string end) =>
        $"{V}/sobjects/Product2/{kind}/?start={Uri.EscapeDataString(start)}&end={Uri.EscapeDataString(end)}";

    [Fact]
    public async Task GetUpdatedDropsTheSecondsAndListsBothEndMinutesIncludingTheCurrentOne()
    {
        await using var org = await TestOrg.StartAsync(clock: new ManualClock(Now));
        var early = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "early" }, Now.AddMinutes(-10));
        var edited = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "edited" }, Now.AddDays(-3));
        org.Emulator.Edit(edited, new JsonObject { ["Description"] = "changed" }, Now.AddMinutes(-5));
        var thisMinute = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "this minute" }, Now.AddSeconds(-10));
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "too old" }, Now.AddHours(-2));

        var reply = await org.GetAsync(Window("updated", "2024-09-10T14:10:59+00:00", "2024-09-10T15:00:00+00:00"));

        // 14:10:59 is read as 14:10, so the change at 14:10:45 is in; so is the one at 14:20:35, in the current minute.
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        reply.AssertBody(new JsonObject
        {
            ["ids"] = new JsonArray(early, edited, thisMinute),
            ["latestDateCovered"] = "2024-09-10T14:20:00.000+0000",
        });
    }

    [Fact]
    public async Task GetUpdatedIncludesTheWholeEndMinuteAndTheNextWindowFromLatestDateCoveredListsItAgain()
    {
        var clock = new ManualClock(Now);
        await using var org = await TestOrg.StartAsync(clock: clock);
        var atEnd = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "at 14:15:50" }, new DateTimeOffset(2024, 9, 10, 14, 15, 50, TimeSpan.Zero));
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "at 14:16:00" }, new DateTimeOffset(2024, 9, 10, 14, 16, 0, TimeSpan.Zero));

        var first = await org.GetAsync(Window("updated", "2024-09-10T14:00:00Z", "2024-09-10T14:15:10Z"));
        var next = await org.GetAsync(Window("updated", (string)first.Body!["latestDateCovered"]!, "2024-09-10T14:20:45Z"));

        first.AssertBody(new JsonObject { ["ids"] = new JsonArray(atEnd), ["latestDateCovered"] = "2024-09-10T14:15:00.000+0000" });
        Assert.Equal(2, next.Body!["ids"]!.AsArray().Count);
        Assert.Equal(atEnd, (string)next.Body["ids"]![0]!);
    }

    [Fact]
    public async Task GetDeletedReportsRecycleBinEntriesOfTheCurrentMinute()
    {
        var clock = new ManualClock(Now);
        await using var org = await TestOrg.StartAsync(clock: clock);
        var gone = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "gone" }, Now.AddDays(-1));
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "kept" }, Now.AddDays(-1));
        var deleted = await org.DeleteAsync($"{V}/sobjects/Product2/{gone}");
        var updated = await org.GetAsync(Window("updated", "2024-09-09T00:00:00Z", "2024-09-10T14:30:00Z"));

        var reply = await org.GetAsync(Window("deleted", "2024-09-10T14:00:00Z", "2024-09-10T14:21:00Z"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.DoesNotContain(gone, updated.Body!["ids"]!.AsArray().Select(i => (string)i!));
        reply.AssertBody(new JsonObject
        {
            ["deletedRecords"] = new JsonArray(new JsonObject { ["id"] = gone, ["deletedDate"] = "2024-09-10T14:20:45.000+0000" }),
            ["earliestDateAvailable"] = "2024-08-26T14:20:00.000+0000",
            ["latestDateCovered"] = "2024-09-10T14:20:00.000+0000",
        });
    }

    [Theory]
    [InlineData("updated", "2024-09-10T14:10:30Z", "2024-09-10T14:10:50Z", "startDate must chronologically precede endDate by more than one minute")]
    [InlineData("updated", "2024-08-01T00:00:00Z", "2024-09-10T00:00:00Z", "startDate cannot be more than 30 days ago")]
    [InlineData("deleted", "2024-08-20T00:00:00Z", "2024-09-10T00:00:00Z", "startDate cannot be more than 15 days ago")]
    public async Task BadWindowsAreInvalidReplicationDate(string kind, string start, string end, string message)
    {
        await using var org = await TestOrg.StartAsync(clock: new ManualClock(Now));

        var reply = await org.GetAsync(Window(kind, start, end));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        reply.AssertBody(new JsonArray(new JsonObject { ["message"] = message, ["errorCode"] = "INVALID_REPLICATION_DATE" }));
    }

    [Fact]
    public async Task PurgedDeleteLogForcesAFullReload()
    {
        await using var org = await TestOrg.StartAsync(clock: new ManualClock(Now));
        org.Emulator.PurgeDeleteLog();

        var reply = await org.GetAsync(Window("deleted", "2024-09-10T14:00:00Z", "2024-09-10T14:30:00Z"));

        Assert.Equal("INVALID_REPLICATION_DATE", reply.ErrorCode);
    }
}
