using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Host;

namespace SesamTalk.Engine.Tests.Systems;

/// <summary>The engine with the Exact Online connector and emulator: the sync API's large pages, one create a call, and faults survived.</summary>
public sealed class ExactOnlineSyncTests
{
    [Fact]
    public async Task Two_thousand_items_arrive_in_two_sync_pages_and_host_articles_are_created_one_call_each()
    {
        await using var exact = await ExactOnlineEmulator.StartAsync(new ExactOnlineEmulatorOptions { MinutelyLimit = 1_000, DailyLimit = 50_000 });
        for (var i = 0; i < 2000; i++)
        {
            exact.Seed("Items", new JsonObject { ["Code"] = $"EX-{i:D5}", ["Description"] = $"Exact item {i}" });
        }

        await using var host = Host(exact);
        for (var i = 0; i < 100; i++)
        {
            await host.Store.SaveAsync(new Article { Code = $"HOST-{i:D3}", Name = $"Host article {i}" }, default);
        }

        var first = (await host.Talk.Articles.SyncAsync()).Flows.Single();

        Assert.False(first.Stopped, first.StopReason);
        Assert.Equal(2100, first.Created);
        Assert.Equal(2100, host.Store.Records.Count);
        Assert.Equal(2, exact.CallCount(ExactOnlineEndpoint.Sync)); // two pages of 1000, the API's page size
        Assert.Equal(100, exact.CallCount(ExactOnlineEndpoint.Create)); // the API takes one record a call

        exact.ResetCallCounts();
        var echo = (await host.Talk.Articles.SyncAsync()).Flows.Single();
        Assert.Equal(0, echo.Created + echo.Updated + echo.Deleted);
        Assert.Equal(0, exact.CallCount(ExactOnlineEndpoint.Create) + exact.CallCount(ExactOnlineEndpoint.Update));
    }

    [Fact]
    public async Task Lost_answers_throttling_and_server_errors_lose_or_duplicate_no_item()
    {
        await using var exact = await ExactOnlineEmulator.StartAsync(new ExactOnlineEmulatorOptions { MinutelyLimit = 1_000, DailyLimit = 50_000 });
        await using var host = Host(exact);
        for (var i = 0; i < 60; i++)
        {
            await host.Store.SaveAsync(new Article { Code = $"F-{i:D3}", Name = $"Faulty {i}" }, default);
        }

        exact.Inject(ExactOnlineFault.LoseResponse().On(ExactOnlineEndpoint.Create).Times(1));
        exact.Inject(ExactOnlineFault.ServerError(503).On(ExactOnlineEndpoint.Create).Times(1));
        exact.Inject(ExactOnlineFault.TooManyRequests(TimeSpan.FromMilliseconds(10)).On(ExactOnlineEndpoint.Sync).Times(2));

        var cycles = await host.SyncUntilCleanAsync(talk => talk.Articles.SyncAsync());

        Assert.Contains(cycles, cycle => cycle.Stopped);
        var codes = exact.GetRecords("Items").Select(item => (string?)item["Code"]).ToList();
        Assert.Equal(60, codes.Count);
        Assert.Equal(60, codes.Distinct().Count());
        Assert.Equal(60, host.Store.Records.Count);
    }

    private static SystemHost<Article> Host(ExactOnlineEmulator exact) =>
        new(new InMemoryHostStore<Article>(a => a.Id, (a, id) => a.Id = id), services => services
            .AddExactOnline(exact));
}
