using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline;
using Xunit.Abstractions;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// Exact Online's webhooks end to end: the emulated division posts its notifications over loopback HTTP to the host's
/// <c>MapSesamTalkNotifications</c>, the receiver checks them and the engine reads the notified account by its key at once; a forged
/// callback changes nothing; a subscription deleted in Exact is found lost, the flow runs a full cycle (which brings
/// the change made meanwhile) and the subscription is created again.
/// </summary>
public sealed class ExactOnlineNotificationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Rarely = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task An_edit_in_Exact_reaches_the_host_within_seconds_with_no_poll_due()
    {
        await using var host = await NotifiedExactDivision.StartAsync(Rarely);
        var key = Guid.Parse((string)host.Exact.GetRecords("Accounts").Single()["ID"]!);
        host.Exact.ResetCallCounts();

        var watch = Stopwatch.StartNew();
        host.Exact.Edit("Accounts", key, new JsonObject { ["Name"] = "Albex B.V." });
        await host.WaitUntilAsync(() => host.Accounts.Records.Single().Name == "Albex B.V.", "the edit to reach the host");
        watch.Stop();

        await host.WaitUntilAsync(() => host.Cycles == 1, "the notified cycle to end");

        output.WriteLine($"From the edit in Exact to the host: {watch.ElapsedMilliseconds} ms (coalescing window 100 ms).");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"The edit took {watch.ElapsedMilliseconds} ms.");
        await host.WaitUntilAsync(() => host.Exact.WebhookDeliveries.Count == 1, "the emulator to log the delivery");
        Assert.Equal(200, host.Exact.WebhookDeliveries.Single().StatusCode);

        // Read by its key in one $filter call, not from the sync feed.
        Assert.Equal((1, 0, 0), (host.Exact.CallCount(ExactOnlineEndpoint.List, "Accounts"), host.Exact.CallCount(ExactOnlineEndpoint.Sync), host.Exact.CallCount(ExactOnlineEndpoint.SyncDeleted)));
    }

    [Fact]
    public async Task An_edit_made_after_the_first_cycle_but_before_the_subscription_goes_live_arrives_within_seconds_of_going_live()
    {
        await using var host = await NotifiedExactDivision.StartAsync(Rarely, holdSource: true);
        var key = Guid.Parse((string)host.Exact.GetRecords("Accounts").Single()["ID"]!);

        // Subscribed after this edit: no webhook ever carries it, and the next poll is five minutes away.
        host.Exact.Edit("Accounts", key, new JsonObject { ["City"] = "Utrecht" });
        var watch = Stopwatch.StartNew();
        host.Held!.Release();
        await host.WaitUntilAsync(() => host.Accounts.Records.Single().City == "Utrecht", "the edit made before going live");
        output.WriteLine($"From releasing the subscription to the host: {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"The edit took {watch.ElapsedMilliseconds} ms.");

        // One catch-up cycle, and no more.
        Assert.Equal(2, await host.Logs.WaitUntilLiveAndSettledAsync(NotifiedExactDivision.Flow, "ExactOnline/Accounts"));
        Assert.Equal(1, host.Count($"SesamTalk {NotifiedExactDivision.Flow} runs once more"));
        Assert.Empty(host.Exact.WebhookDeliveries);
    }

    [Fact]
    public async Task A_forged_callback_changes_nothing()
    {
        await using var host = await NotifiedExactDivision.StartAsync(Rarely);
        var key = (string)host.Exact.GetRecords("Accounts").Single()["ID"]!;
        var content = $$"""{"Topic":"Accounts","ClientId":"{{host.Exact.ClientId}}","Division":{{host.Exact.Division}},"Action":"Update","Key":"{{key}}","ExactOnlineEndpoint":"x","EventCreatedOn":"2026-12-07T12:00:00.000"}""";
        using var http = new HttpClient();

        using var forged = await http.PostAsync(host.CallbackUrl, new StringContent($$"""{"Content":{{content}},"HashCode":"{{new string('A', 64)}}"}""", Encoding.UTF8, "application/json"));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(0, host.Cycles);
    }

    [Fact]
    public async Task A_deleted_subscription_is_recreated_and_the_change_made_meanwhile_arrives_through_the_fallback_cycle()
    {
        await using var host = await NotifiedExactDivision.StartAsync(TimeSpan.FromMilliseconds(500));
        var key = Guid.Parse((string)host.Exact.GetRecords("Accounts").Single()["ID"]!);
        var lost = host.Exact.WebhookSubscriptions.Single();

        host.Exact.DeleteWebhookSubscription(lost.Id);
        host.Exact.Edit("Accounts", key, new JsonObject { ["City"] = "Utrecht" });
        await host.WaitUntilAsync(() => host.Accounts.Records.Single().City == "Utrecht", "the fallback cycle to bring the change");
        await host.WaitUntilAsync(() => host.Exact.WebhookSubscriptions.Count == 1, "the subscription to be created again");

        Assert.Empty(host.Exact.WebhookDeliveries);
        Assert.NotEqual(lost.Id, host.Exact.WebhookSubscriptions.Single().Id);
        Assert.Contains(host.Logs.Lines, line => line.Contains("gone from Exact Online", StringComparison.Ordinal));
    }
}
