using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using Xunit.Abstractions;

namespace SesamTalk.Engine.Tests.CustomWebhooks;

/// <summary>
/// A custom system's webhooks end to end: the Shop emulator delivers its writes, signed, over loopback HTTP to
/// <c>MapSesamTalkNotifications</c>, the receiver tells the engine, and the notified flow runs its cycle long before its
/// 5-minute poll. A burst makes one cycle, a forged or replayed callback none, and a disabled subscription a full
/// cycle that brings what its lost delivery carried.
/// </summary>
public sealed class CustomWebhookEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task An_edit_in_the_shop_reaches_the_host_within_seconds_with_no_poll_due()
    {
        await using var host = await WebhookShopHost.StartAsync(Coalesce, new Product { Sku = "W-1", Name = "Widget" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;

        var clock = Stopwatch.StartNew();
        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 7 });
        await host.WaitUntilAsync(() => host.Products.Records.Single().Stock == 7, "the edit to arrive");

        output.WriteLine($"Shop edit to host: {clock.ElapsedMilliseconds} ms (coalescing window {Coalesce.TotalMilliseconds} ms, emulator gathering 100 ms)");
        await host.StaysAtAsync(1, TimeSpan.FromSeconds(0.5));
        Assert.Contains(host.Shop.WebhookDeliveries, d => d.Succeeded && d.Ids.Contains(remoteId));
    }

    [Fact]
    public async Task A_burst_of_500_edits_makes_one_cycle_that_brings_every_last_value()
    {
        // 500 edits of 20 products out of 100: a fifth of the links, under the mass-change breaker's limit.
        var products = Enumerable.Range(0, 100).Select(i => new Product { Sku = $"B-{i:000}", Name = $"Burst {i}" }).ToArray();
        await using var host = await WebhookShopHost.StartAsync(TimeSpan.FromMilliseconds(500), products);
        var remoteIds = host.Shop.GetRecords("Product").Select(r => r.Id).Take(20).ToList();

        for (var edit = 0; edit < 500; edit++)
        {
            host.Shop.Edit("Product", remoteIds[edit % 20], new JsonObject { ["Stock"] = edit });
        }

        await host.WaitUntilAsync(() => host.Products.Records.Count(p => p.Stock >= 480) == 20, "the burst to arrive");
        await host.StaysAtAsync(1, TimeSpan.FromSeconds(1.5));
        Assert.Equal(Enumerable.Range(480, 20), host.Products.Records.Where(p => p.Stock is not null).Select(p => p.Stock!.Value).Order());
        output.WriteLine($"500 edits: {host.Shop.WebhookDeliveries.Count(d => d.Succeeded && d.Action == "updated")} deliveries, {host.Cycles} cycle");
    }

    [Fact]
    public async Task A_forged_or_replayed_callback_changes_nothing()
    {
        await using var host = await WebhookShopHost.StartAsync(Coalesce, new Product { Sku = "F-1", Name = "Forged" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;
        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 3 });
        await host.WaitUntilAsync(() => host.Cycles == 1, "the delivered edit's cycle");
        using var http = new HttpClient();
        var body = $$"""{"id":"evt_forged","type":"Product","action":"updated","ids":["{{remoteId}}"],"occurredAt":"2026-12-07T12:00:00.000Z"}""";

        var forged = await PostAsync(http, host.CallbackUrl, body, Sign("whsec_a-secret-the-forger-made-up-0123456789", body));
        var signed = Sign(WebhookShopHost.Secret, body);
        var accepted = await PostAsync(http, host.CallbackUrl, body, signed);
        await host.WaitUntilAsync(() => host.Cycles == 2, "the signed callback's cycle");
        var replayed = await PostAsync(http, host.CallbackUrl, body, signed);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK), (forged, accepted, replayed));
        await host.StaysAtAsync(2, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_disabled_subscription_falls_back_to_a_full_cycle_and_nothing_is_missed()
    {
        await using var host = await WebhookShopHost.StartAsync(Coalesce, new Product { Sku = "D-1", Name = "Disabled" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;
        var first = host.Shop.Webhooks.Single();

        // The edit's delivery is lost for good, then the Shop disables the subscription: only the fallback brings the edit.
        host.Shop.DropDeliveries(1);
        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 5 });
        await host.WaitUntilAsync(() => host.Shop.WebhookDeliveries.Any(d => d.Dropped), "the dropped delivery");
        host.Shop.DisableWebhook(first.Id);

        await host.WaitUntilAsync(() => host.Products.Records.Single().Stock == 5, "the fallback cycle");
        Assert.Contains(host.Logs.Lines, line => line.Contains("notifications lost for Shop/Product", StringComparison.Ordinal));
        await host.WaitUntilAsync(() => host.Shop.Webhooks is [{ Enabled: true } again] && again.Id != first.Id, "the new subscription");

        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 6 });
        await host.WaitUntilAsync(() => host.Products.Records.Single().Stock == 6, "an edit through the new subscription");
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, Uri callback, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, callback) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("SesamTalk-Signature", signature);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static string Sign(string secret, string body)
    {
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexString(mac).ToLowerInvariant()}";
    }
}
