using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.Custom;

public sealed class ChangeFeedTests
{
    private static readonly DateTimeOffset Earlier = TestSystem.Start.AddHours(-1);

    [Fact]
    public async Task ManyRecordsSharingOneMillisecondAcrossPageEdgesAreEachSeenExactlyOnce()
    {
        await using var system = await TestSystem.StartAsync();
        var ids = new List<string> { system.Emulator.Seed("Product", new JsonObject { ["Sku"] = "first" }, Earlier.AddMilliseconds(-1)) };
        for (var i = 0; i < 250; i++)
        {
            ids.Add(system.Emulator.Seed("Product", new JsonObject { ["Sku"] = $"S-{i}" }, Earlier));
        }

        ids.Add(system.Emulator.Seed("Product", new JsonObject { ["Sku"] = "last" }, Earlier.AddMilliseconds(1)));

        var (records, _) = await system.DrainAsync("Product", limit: 7);

        Assert.Equal(ids.Count, records.Count);
        Assert.Equal(ids.Count, records.Select(r => (string)r["id"]!).Distinct().Count());
        Assert.Equal("first", (string)records[0]["fields"]!["Sku"]!);
        Assert.Equal("last", (string)records[^1]["fields"]!["Sku"]!);
        var shared = records.Skip(1).Take(250).Select(r => (string)r["id"]!).ToList();
        Assert.All(records.Skip(1).Take(250), r => Assert.Equal("2024-09-10T13:20:17.123Z", (string)r["modifiedAt"]!));
        Assert.Equal(shared.Order(StringComparer.Ordinal), shared);
        Assert.Equal(ids.ToHashSet(), records.Select(r => (string)r["id"]!).ToHashSet());
    }

    [Fact]
    public async Task ChangesMadeDuringPagingAppearLaterInTheFeed()
    {
        await using var system = await TestSystem.StartAsync();
        var ids = Enumerable.Range(0, 20).Select(i => system.Emulator.Seed("Product", new JsonObject { ["Sku"] = $"S-{i}" }, Earlier)).ToList();

        var first = await system.GetAsync("Product/changes?limit=5");
        var seen = first.Body!["records"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        var edited = seen[0];
        var unseen = ids.Except(seen).First();
        system.Emulator.Edit("Product", edited, new JsonObject { ["Sku"] = "edited" });
        system.Emulator.Delete("Product", unseen);
        var created = (string)(await system.CreateAsync("Product", new JsonObject { ["Sku"] = "new" }))["id"]!;
        system.Clock.Tick();
        var (rest, _) = await system.DrainAsync("Product", (string)first.Body["nextCursor"]!, limit: 5);

        var restIds = rest.Select(r => (string)r["id"]!).ToList();
        Assert.Equal(restIds.Count, restIds.Distinct().Count());
        Assert.Equal(ids.Except(seen).Append(edited).Append(created).ToHashSet(), restIds.ToHashSet());
        Assert.Equal("edited", (string)rest.Single(r => (string)r["id"]! == edited)["fields"]!["Sku"]!);
        Assert.True((bool)rest.Single(r => (string)r["id"]! == unseen)["deleted"]!);
        Assert.All(rest.TakeLast(3), r => Assert.Equal("2024-09-10T14:20:17.123Z", (string)r["modifiedAt"]!));
    }

    [Fact]
    public async Task TombstonesAreListedWithEmptyFields()
    {
        await using var system = await TestSystem.StartAsync();
        var id = system.Emulator.Seed("Product", new JsonObject { ["Sku"] = "W-1" }, Earlier);
        var (before, cursor) = await system.DrainAsync("Product");
        await system.DeleteAsync($"Product/{id}");
        system.Clock.Tick();

        var (after, _) = await system.DrainAsync("Product", cursor);

        Assert.False((bool)Assert.Single(before)["deleted"]!);
        var tombstone = Assert.Single(after);
        Assert.Equal(id, (string)tombstone["id"]!);
        Assert.True((bool)tombstone["deleted"]!);
        Assert.Equal("{}", tombstone["fields"]!.ToJsonString());
        Assert.Equal("2024-09-10T14:20:17.123Z", (string)tombstone["modifiedAt"]!);
    }

    [Fact]
    public async Task WritesInTheCurrentMillisecondAreListedOnlyOnceItHasPassed()
    {
        await using var system = await TestSystem.StartAsync();
        var id = (string)(await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-1" }))["id"]!;

        var (now, cursor) = await system.DrainAsync("Product");
        system.Clock.Tick();
        var (later, next) = await system.DrainAsync("Product", cursor);
        var (again, kept) = await system.DrainAsync("Product", next);

        Assert.Empty(now);
        Assert.Equal("", cursor);
        Assert.Equal(id, (string)Assert.Single(later)["id"]!);
        Assert.Empty(again);
        Assert.Equal(next, kept);
    }

    [Fact]
    public async Task StampsNeverGoBack()
    {
        await using var system = await TestSystem.StartAsync();
        system.Emulator.Seed("Product", new JsonObject { ["Sku"] = "future" }, TestSystem.Start.AddMinutes(1));

        var created = await system.CreateAsync("Product", new JsonObject { ["Sku"] = "now" });

        Assert.Equal("2024-09-10T14:21:17.123Z", (string)created["modifiedAt"]!);
        Assert.Throws<ArgumentException>(() => system.Emulator.Seed("Product", new JsonObject(), TestSystem.Start));
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "invalid-cursor")]
    [InlineData("cursor=djF8MTIzfA", "invalid-cursor")]
    [InlineData("limit=0", "invalid-limit")]
    [InlineData("limit=1001", "invalid-limit")]
    [InlineData("limit=ten", "invalid-limit")]
    public async Task BadCursorsAndLimitsAre400(string query, string code)
    {
        await using var system = await TestSystem.StartAsync();

        var reply = await system.GetAsync($"Product/changes?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(code, reply.Code);
    }

    [Fact]
    public async Task TheDefaultPageIs100()
    {
        await using var system = await TestSystem.StartAsync();
        for (var i = 0; i < 101; i++)
        {
            system.Emulator.Seed("Product", new JsonObject(), Earlier);
        }

        var reply = await system.GetAsync("Product/changes");

        Assert.Equal(100, reply.Body!["records"]!.AsArray().Count);
        Assert.True((bool)reply.Body["hasMore"]!);
    }
}
