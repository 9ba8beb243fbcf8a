using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Testing.Tests.Custom.Webhooks;

public sealed class WebhookDeliveryTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task AWriteIsPostedToTheSubscriptionSignedWithItsSecret()
    {
        await using var sink = await WebhookSink.StartAsync();
        await using var system = await TestSystem.StartAsync();
        var (id, secret) = await SubscribeAsync(system, sink, "Product");

        var record = await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-1" });
        await system.CreateAsync("Customer", new JsonObject { ["Email"] = "ola@example.com" });

        var delivery = (await sink.WaitAsync(r => r.Count >= 1)).Single();
        var change = delivery.Event;
        Assert.StartsWith("evt_", (string)change["id"]!, StringComparison.Ordinal);
        Assert.Equal("Product", (string)change["type"]!);
        Assert.Equal("created", (string)change["action"]!);
        Assert.Equal([(string)record["id"]!], change["ids"]!.AsArray().Select(i => (string)i!));
        Assert.Equal("2024-09-10T14:20:17.123Z", (string)change["occurredAt"]!);
        Assert.Equal(id, delivery.Headers["SesamTalk-Webhook-Id"]);
        Assert.Equal((string)change["id"]!, delivery.Headers["SesamTalk-Event-Id"]);
        Assert.Equal("1", delivery.Headers["SesamTalk-Delivery-Attempt"]);
        Assert.StartsWith("application/json", delivery.Headers["Content-Type"], StringComparison.Ordinal);
        var t = TestSystem.Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"t={t},v1={Hmac(secret, t + ".", delivery.Body)}", delivery.Headers["SesamTalk-Signature"]);
    }

    [Fact]
    public async Task UpdatesAndDeletesMadeInTheSystemAreDeliveredToo()
    {
        await using var sink = await WebhookSink.StartAsync();
        await using var system = await TestSystem.StartAsync();
        var seeded = system.Emulator.Seed("Product", new JsonObject { ["Sku"] = "W-1" });
        await SubscribeAsync(system, sink, "Product");

        system.Emulator.Edit("Product", seeded, new JsonObject { ["Sku"] = "W-2" });
        await sink.WaitAsync(r => r.Count == 1);
        system.Emulator.Delete("Product", seeded);

        var deliveries = await sink.WaitAsync(r => r.Count == 2);
        Assert.Equal(["updated", "deleted"], deliveries.Select(d => (string)d.Event["action"]!));
        Assert.All(deliveries, d => Assert.Equal([seeded], d.Event["ids"]!.AsArray().Select(i => (string)i!)));
    }

    [Fact]
    public async Task ABurstOfWritesIsGatheredIntoEventsOfAtMostAHundredIds()
    {
        await using var sink = await WebhookSink.StartAsync();
        await using var system = await TestSystem.StartAsync(o => o.WebhookGatherWindow = TimeSpan.FromMilliseconds(300));
        var ids = Enumerable.Range(0, 250).Select(i => system.Emulator.Seed("Product", new JsonObject { ["Sku"] = $"W-{i}" })).ToList();
        await SubscribeAsync(system, sink, "Product");

        foreach (var id in ids)
        {
            system.Emulator.Edit("Product", id, new JsonObject { ["Name"] = "Gadget" });
        }

        var deliveries = await sink.WaitAsync(r => r.Sum(d => d.Event["ids"]!.AsArray().Count) >= 250);
        Assert.Equal(3, deliveries.Count);
        Assert.All(deliveries, d => Assert.True(d.Event["ids"]!.AsArray().Count <= 100));
        Assert.Equal(ids.Order(StringComparer.Ordinal), deliveries.SelectMany(d => d.Event["ids"]!.AsArray().Select(i => (string)i!)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AFailedDeliveryIsRetriedOnTheScheduleWithTheSameEventUntilItIsAccepted()
    {
        await using var sink = await WebhookSink.StartAsync();
        sink.Answer = n => n <= 2 ? 500 : 200;
        await using var system = await TestSystem.StartAsync(o => o.WebhookRetryDelays = [Quick, Quick, Quick]);
        var (id, _) = await SubscribeAsync(system, sink, "Product");

        await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-1" });

        var deliveries = await sink.WaitAsync(r => r.Count == 3);
        Assert.Single(deliveries.Select(d => (string)d.Event["id"]!).Distinct());
        Assert.Equal(["1", "2", "3"], deliveries.Select(d => d.Headers["SesamTalk-Delivery-Attempt"]));
        var log = await WaitForLogAsync(system, l => l.Count == 3);
        Assert.Equal([500, 500, 200], log.Select(d => d.StatusCode));
        Assert.Equal(0, system.Emulator.Webhooks.Single(w => w.Id == id).ConsecutiveFailures);
    }

    [Fact]
    public async Task ASubscriptionWhoseDeliveriesKeepFailingIsDisabledAndShownSo()
    {
        await using var sink = await WebhookSink.StartAsync();
        sink.Answer = _ => 503;
        await using var system = await TestSystem.StartAsync(o =>
        {
            o.WebhookRetryDelays = [Quick, Quick, Quick, Quick, Quick];
            o.WebhookDisableAfterFailures = 3;
        });
        var (id, _) = await SubscribeAsync(system, sink, "Product");

        await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-1" });
        await WaitForLogAsync(system, l => l.Count == 3);
        await Task.Delay(200);

        var read = await system.GetAsync("webhooks/" + id);
        Assert.Equal("disabled", (string)read.Body!["status"]!);
        Assert.Equal(3, (int)read.Body["consecutiveFailures"]!);
        Assert.NotNull((string?)read.Body["disabledAt"]);
        Assert.Equal(3, system.Emulator.WebhookDeliveries.Count);

        await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-2" });
        await Task.Delay(300);
        Assert.Equal(3, sink.Requests.Count);
    }

    [Fact]
    public async Task AnUnreachableReceiverCountsAsAFailedDelivery()
    {
        await using var system = await TestSystem.StartAsync(o => o.WebhookRetryDelays = []);
        var created = await system.PostAsync("webhooks", new JsonObject { ["url"] = "http://127.0.0.1:9/nobody", ["types"] = new JsonArray("Product") });

        await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-1" });

        var log = await WaitForLogAsync(system, l => l.Count == 1);
        Assert.Null(log[0].StatusCode);
        Assert.False(log[0].Succeeded);
        Assert.Equal(1, system.Emulator.Webhooks.Single(w => w.Id == created.Id).ConsecutiveFailures);
    }

    [Fact]
    public async Task ADroppedDeliveryIsNeverSentNorRetried()
    {
        await using var sink = await WebhookSink.StartAsync();
        await using var system = await TestSystem.StartAsync(o => o.WebhookRetryDelays = [Quick]);
        await SubscribeAsync(system, sink, "Product");
        system.Emulator.DropDeliveries(1);

        await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-1" });
        await WaitForLogAsync(system, l => l.Count == 1);
        var second = await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-2" });

        var delivered = await sink.WaitAsync(r => r.Count == 1);
        Assert.Equal([(string)second["id"]!], delivered[0].Event["ids"]!.AsArray().Select(i => (string)i!));

        // The emulator logs a delivery once the receiver has answered: the sink can see it a moment before the log does.
        var log = await WaitForLogAsync(system, l => l.Count == 2);
        Assert.Equal([true, false], log.Select(d => d.Dropped));
    }

    [Fact]
    public async Task ADisabledOrDeletedSubscriptionGetsNoMoreDeliveries()
    {
        await using var sink = await WebhookSink.StartAsync();
        await using var system = await TestSystem.StartAsync();
        var (disabled, _) = await SubscribeAsync(system, sink, "Product");
        var (deleted, _) = await SubscribeAsync(system, sink, "Product");

        system.Emulator.DisableWebhook(disabled);
        await system.DeleteAsync("webhooks/" + deleted);
        await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-1" });
        await Task.Delay(400);

        Assert.Empty(sink.Requests);
        Assert.False(system.Emulator.Webhooks.Single().Enabled);
        Assert.Equal("disabled", (string)(await system.GetAsync("webhooks/" + disabled)).Body!["status"]!);
    }

    private static async Task<(string Id, string Secret)> SubscribeAsync(TestSystem system, WebhookSink sink, params string[] types)
    {
        var reply = await system.PostAsync("webhooks", new JsonObject { ["url"] = sink.Url.ToString(), ["types"] = new JsonArray([.. types.Select(t => (JsonNode)t)]) });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return (reply.Id, (string)reply.Body!["secret"]!);
    }

    private static async Task<IReadOnlyList<CustomWebhookDelivery>> WaitForLogAsync(TestSystem system, Func<IReadOnlyList<CustomWebhookDelivery>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!done(system.Emulator.WebhookDeliveries))
        {
            await Task.Delay(20, timeout.Token);
        }

        return system.Emulator.WebhookDeliveries;
    }

    private static string Hmac(string secret, string prefix, byte[] body) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes(prefix), .. body])).ToLowerInvariant();
}
