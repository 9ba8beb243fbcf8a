using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Testing.Tests.Custom;

/// <summary>The feed's order and cursors over a history of creates, updates and deletes, read in pages of two.</summary>
public sealed class ChangeFeedHistoryTests
{
    private static readonly DateTimeOffset T0 = TestSystem.Start.AddHours(-1);
    private static readonly DateTimeOffset T1 = T0.AddMilliseconds(1);
    private static readonly DateTimeOffset T2 = T0.AddMilliseconds(2);

    [Fact]
    public async Task UpdatesMoveRecordsToTheEndDeletesListTombstonesAndEqualStampsAreOrderedById()
    {
        await using var system = await TestSystem.StartAsync();
        var emulator = system.Emulator;
        var a = emulator.Seed("Product", new JsonObject { ["Sku"] = "A" }, T0);
        var b = emulator.Seed("Product", new JsonObject { ["Sku"] = "B" }, T0);
        var c = emulator.Seed("Product", new JsonObject { ["Sku"] = "C" }, T0);
        emulator.Edit("Product", a, new JsonObject { ["Sku"] = "A2" }, T1);
        emulator.Delete("Product", b, T1);
        var d = emulator.Seed("Product", new JsonObject { ["Sku"] = "D" }, T1);
        emulator.Seed("Order", new JsonObject { ["No"] = "O-1" }, T1);
        emulator.Edit("Product", a, new JsonObject { ["Sku"] = "A3" }, T1);

        var first = await system.GetAsync("Product/changes?limit=2");
        var cursor = (string)first.Body!["nextCursor"]!;
        emulator.Edit("Product", c, new JsonObject { ["Sku"] = "C2" }, T2);
        var (rest, last) = await system.DrainAsync("Product", cursor, limit: 2);
        var (all, _) = await system.DrainAsync("Product", limit: 1);
        var atEnd = await system.GetAsync($"Product/changes?cursor={last}");
        var ahead = new ChangeCursor(T0.AddYears(100), a).Encode();
        var beyond = await system.GetAsync($"Product/changes?cursor={ahead}");

        Assert.Equal([c, a], Ids(first.Body["records"]!.AsArray()));
        Assert.Equal(new ChangeCursor(T1, a).Encode(), cursor);
        Assert.True((bool)first.Body["hasMore"]!);
        Assert.Equal([b, d, c], Ids(rest));
        Assert.Equal(new ChangeCursor(T2, c).Encode(), last);
        Assert.Equal([a, b, d, c], Ids(all));
        Assert.Equal(["A3", null, "D", "C2"], all.Select(r => (string?)r["fields"]!["Sku"]));
        Assert.Equal([false, true, false, false], all.Select(r => (bool)r["deleted"]!));
        Assert.Equal(
            ["2024-09-10T13:20:17.124Z", "2024-09-10T13:20:17.124Z", "2024-09-10T13:20:17.124Z", "2024-09-10T13:20:17.125Z"],
            all.Select(r => (string)r["modifiedAt"]!));
        Assert.Equal("{}", all[1]["fields"]!.ToJsonString());
        Assert.Empty(atEnd.Body!["records"]!.AsArray());
        Assert.Equal(last, (string)atEnd.Body["nextCursor"]!);
        Assert.False((bool)atEnd.Body["hasMore"]!);
        Assert.Empty(beyond.Body!["records"]!.AsArray());
        Assert.Equal(ahead, (string)beyond.Body["nextCursor"]!);
    }

    private static List<string> Ids(IEnumerable<JsonNode?> records) => [.. records.Select(r => (string)r!["id"]!)];
}
