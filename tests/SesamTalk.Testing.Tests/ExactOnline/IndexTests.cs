using System.Globalization;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.ExactOnline;

/// <summary>
/// The entity sets' indexes (by key, by sync Timestamp, by unique Code) against a model computed from the emulator's
/// records as they stand, on random data with writes between pages: each page must be the rows the general rule gives
/// (every record of the set filtered, then sorted by Timestamp or key, after the page's cursor).
/// </summary>
public sealed class IndexTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task SyncPagesAreTheRowsWrittenAfterTheCursorInTimestampOrderWithWritesBetweenPages(int seed)
    {
        var random = new Random(seed);
        await using var division = await Start();
        var items = Populate(division, random, 150);

        var after = random.Next(2) == 0 ? 1L : Timestamps(division).OrderBy(_ => random.Next()).First();
        string? next = $"{division.Root}/sync/Logistics/Items?$select=Timestamp,ID,Code,Description&$filter=Timestamp gt {after}";
        while (next is not null)
        {
            var expected = Timestamps(division).Where(t => t > after).Order().Take(7).ToList();
            var page = await division.GetAsync(next);

            Assert.Equal(expected, page.Results.Select(r => (long)r!["Timestamp"]!));
            foreach (var row in page.Results)
            {
                var stored = division.Emulator.GetRecord("Items", Guid.Parse((string)row!["ID"]!))!;
                Assert.Equal((string?)stored["Code"], (string?)row["Code"]);
            }

            after = expected.Count > 0 ? expected[^1] : after;
            next = page.Next;
            Mutate(division, random, items);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task EntityPagesAreTheFilteredRowsAfterTheSkipTokenInKeyOrderWithWritesBetweenPages(int seed)
    {
        var random = new Random(seed);
        await using var division = await Start();
        var items = Populate(division, random, 150);

        foreach (var filter in new[] { "", "&$filter=Description eq 'even'" })
        {
            Guid? after = null;
            string? next = $"{division.Root}/logistics/Items?$select=ID,Code,Description{filter}";
            while (next is not null)
            {
                var expected = division.Emulator.GetRecords("Items")
                    .Where(r => filter.Length == 0 || (string?)r["Description"] == "even")
                    .Select(r => Guid.Parse((string)r["ID"]!))
                    .Where(key => after is null || key.CompareTo(after.Value) > 0)
                    .Order().Take(5).ToList();
                var page = await division.GetAsync(next);

                Assert.Equal(expected, page.Results.Select(r => Guid.Parse((string)r!["ID"]!)));
                after = expected.Count > 0 ? expected[^1] : after;
                next = page.Next;
                Mutate(division, random, items);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task DeletedPagesAreTheLogAfterTheCursorAndCodesAreFreedAndTakenAsTheyChange(int seed)
    {
        var random = new Random(seed);
        await using var division = await Start();
        var items = Populate(division, random, 120);

        var log = new List<long>();
        for (string? next = $"{division.Root}/sync/Deleted?$select=Timestamp,EntityKey&$filter=Timestamp gt 1"; next is not null;)
        {
            var page = await division.GetAsync(next);
            log.AddRange(page.Results.Select(r => (long)r!["Timestamp"]!));
            next = page.Next;
        }

        Assert.NotEmpty(log);
        Assert.Equal(log.Order(), log);
        foreach (var cut in log.Where((_, i) => i % 3 == 0).Append(0).Append(log[^1]))
        {
            var page = await division.GetAsync($"{division.Root}/sync/Deleted?$select=Timestamp&$filter=Timestamp gt {cut}");
            Assert.Equal(log.Where(t => t > cut).Take(7), page.Results.Select(r => (long)r!["Timestamp"]!));
        }

        // A live record's code is taken; a deleted record's code, or the code an edit replaced, is free again.
        var live = division.Emulator.GetRecords("Items");
        var taken = (string)live[random.Next(live.Count)]["Code"]!;
        Assert.Throws<ArgumentException>(() => division.Emulator.Seed("Items", new JsonObject { ["Code"] = taken, ["Description"] = "even" }));
        var holder = Guid.Parse((string)live.Single(r => (string?)r["Code"] == taken)["ID"]!);
        division.Emulator.Edit("Items", holder, new JsonObject { ["Code"] = taken + "-moved" });
        division.Emulator.Seed("Items", new JsonObject { ["Code"] = taken, ["Description"] = "even" });
        Assert.Throws<ArgumentException>(() => division.Emulator.Edit("Items", holder, new JsonObject { ["Code"] = taken }));
        division.Emulator.Edit("Items", holder, new JsonObject { ["Code"] = taken + "-moved", ["Description"] = "odd" });
    }

    private static Task<TestDivision> Start() =>
        TestDivision.StartAsync(o =>
        {
            o.SyncPageSize = 7;
            o.PageSize = 5;
            o.MinutelyLimit = 100_000;
            o.DailyLimit = 100_000;
        });

    private static IEnumerable<long> Timestamps(TestDivision division) =>
        division.Emulator.GetRecords("Items").Select(r => division.Emulator.GetTimestamp("Items", Guid.Parse((string)r["ID"]!))!.Value);

    private static List<Guid> Populate(TestDivision division, Random random, int count)
    {
        var items = Enumerable.Range(0, count).Select(i => Seed(division, random, i)).ToList();
        for (var i = 0; i < count / 3; i++)
        {
            Mutate(division, random, items);
        }

        return items;
    }

    private static Guid Seed(TestDivision division, Random random, int i) =>
        division.Emulator.Seed("Items", new JsonObject
        {
            ["Code"] = string.Create(CultureInfo.InvariantCulture, $"I{i:D4}-{random.Next(1_000_000)}"),
            ["Description"] = random.Next(2) == 0 ? "even" : "odd",
        });

    /// <summary>One write: an edit (a new Timestamp, sometimes a new code), a delete, or a new record.</summary>
    private static void Mutate(TestDivision division, Random random, List<Guid> items)
    {
        var key = items[random.Next(items.Count)];
        var live = division.Emulator.GetRecord("Items", key) is not null;
        switch (random.Next(4))
        {
            case 0 when live:
                division.Emulator.Delete("Items", key);
                break;
            case 1:
                items.Add(Seed(division, random, items.Count));
                break;
            default:
                if (live)
                {
                    division.Emulator.Edit("Items", key, random.Next(2) == 0
                        ? new JsonObject { ["Description"] = random.Next(2) == 0 ? "even" : "odd" }
                        : new JsonObject { ["Code"] = string.Create(CultureInfo.InvariantCulture, $"E{random.Next(1_000_000)}") });
                }

                break;
        }
    }
}
