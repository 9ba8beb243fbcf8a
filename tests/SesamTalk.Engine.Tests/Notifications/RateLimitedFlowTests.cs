using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Host;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// The background sync runs due flows one after another: a flow whose system's rate limit is used up must not hold the
/// others. Products sync with a Shop emulator (<see cref="NotifiedShop"/>), accounts with an emulated Exact Online
/// division whose minutely limit is spent a second into its minute; both are notified at once. The account flow stops
/// at the limit and runs again when it resets; the product edit arrives meanwhile.
/// </summary>
public sealed class RateLimitedFlowTests
{
    private const string AccountFlow = "Account→ExactOnline/Accounts";
    private const int MinutelyLimit = 1_000;

    [Fact]
    public async Task A_notified_edit_of_another_system_is_not_held_behind_a_flow_waiting_for_Exact_Onlines_minutely_limit()
    {
        var clock = new ShiftedClock();
        await using var exact = await ExactOnlineEmulator.StartAsync(new ExactOnlineEmulatorOptions { MinutelyLimit = MinutelyLimit, DailyLimit = 100_000, TimeProvider = clock });
        var key = exact.Seed("Accounts", new JsonObject { ["Code"] = "RL-0001", ["Name"] = "Limited", ["City"] = "Delft", ["Status"] = "C" });
        var accounts = new InMemoryHostStore<Account>(a => a.Id, (a, id) => a.Id = id, clock);
        await using var host = await NotifiedShop.BuildAsync(
            new() { ["SesamTalk:Notifications:CallbackBaseUrl"] = "http://127.0.0.1:9/sesamtalk/notifications" },
            services =>
            {
                services.AddExactOnline(exact, options => options.WebhookSecret = exact.WebhookSecret);
                services.AddSingleton<IHostStore<Account>>(accounts);
                services.Configure<SyncEngineOptions>(options =>
                {
                    options.Flows.Remove("Account");
                    options.Flows["Account/Salesforce/Account"] = new SyncFlowOptions { Enabled = false };
                });
            },
            clock,
            [new Product { Sku = "RL-1", Name = "Paced" }]);
        var scheduler = host.Scheduler();
        await scheduler.RunDueAsync(host.Engine, default);
        Assert.Equal("Delft", accounts.Records.Single().City);

        // A second into a new minute, every call of it used: the next call to Exact would wait 59 s for the reset.
        var now = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(61 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond));
        var reset = Minute(clock.GetUtcNow()).AddMinutes(1);
        exact.SetRateLimitUsage(minutely: MinutelyLimit, daily: 10);
        exact.Edit("Accounts", key, new JsonObject { ["City"] = "Utrecht" });
        var remoteProduct = host.Shop.GetRecords("Product").Single().Id;
        host.Shop.Edit("Product", remoteProduct, new JsonObject { ["Stock"] = 7 });
        host.Inbox.RemoteChanged(new SyncTarget("ExactOnline", "Accounts"), [key.ToString()]);
        host.Inbox.RemoteChanged(new SyncTarget("Shop", "Product"), [remoteProduct]);
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        // Held behind the wait, the run would last the rest of the minute.
        await scheduler.RunDueAsync(host.Engine, default).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(7, host.Products.Records.Single().Stock);
        Assert.Equal("Delft", accounts.Records.Single().City);
        Assert.Equal(1, host.Count($"{AccountFlow}: stopped at the last checkpoint: Exact Online's API quota is used up"));
        Assert.Equal(1, host.Count($"SesamTalk {AccountFlow} stopped at its system's limit instead of waiting for it"));
        Assert.InRange(scheduler.NextWake!.Value, reset, reset.AddSeconds(1));

        // At the reset the account flow runs again from its cursor: the edit it stopped before arrives.
        clock.Advance(scheduler.NextWake.Value - clock.GetUtcNow());
        await scheduler.RunDueAsync(host.Engine, default);
        Assert.Equal("Utrecht", accounts.Records.Single().City);
    }

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
}
