using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Connectors.Tests.ExactOnline;

/// <summary>
/// The division's webhooks: the receiver checks <c>HashCode</c> and turns a notification into a change of the record its
/// key names; the change source keeps one subscription per topic in the emulated division, and recreates one that vanished.
/// </summary>
public sealed class ExactOnlineWebhookTests
{
    private static readonly TimeSpan Check = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task ASignedNotificationTellsTheEngineWhichRecordChanged()
    {
        await using var division = await ExactOnlineWebhookDivision.StartAsync(Check);
        var key = Guid.NewGuid().ToString();

        var response = await division.Receiver.ReceiveAsync(Post(Notification("Accounts", key), division.Emulator.WebhookSecret), default);

        Assert.Equal(200, response.StatusCode);
        var (target, ids) = Assert.Single(division.Notifications.Changes);
        Assert.Equal(new SyncTarget("ExactOnline", "Accounts"), target);
        Assert.Equal([key], ids);
    }

    [Fact]
    public async Task ANotificationSignedWithAnotherSecretOrAlteredAfterSigningIsRefused()
    {
        await using var division = await ExactOnlineWebhookDivision.StartAsync(Check);
        var content = Notification("Accounts", Guid.NewGuid().ToString());
        var signed = Encoding.UTF8.GetString(Post(content, division.Emulator.WebhookSecret).Body.Span);

        var forged = await division.Receiver.ReceiveAsync(Post(content, "not the secret"), default);
        var altered = await division.Receiver.ReceiveAsync(Request(signed.Replace("\"Accounts\"", "\"Items\"", StringComparison.Ordinal)), default);
        var unsigned = await division.Receiver.ReceiveAsync(Request($$"""{"Content":{{content}},"HashCode":""}"""), default);

        Assert.Equal([401, 401, 401], new[] { forged.StatusCode, altered.StatusCode, unsigned.StatusCode });
        Assert.Empty(division.Notifications.Changes);
    }

    [Fact]
    public async Task AReplayedNotificationIsAnsweredButNotActedOnAgain()
    {
        await using var division = await ExactOnlineWebhookDivision.StartAsync(Check);
        var notification = Post(Notification("Items", Guid.NewGuid().ToString()), division.Emulator.WebhookSecret);

        var first = await division.Receiver.ReceiveAsync(notification, default);
        var replay = await division.Receiver.ReceiveAsync(notification, default);

        Assert.Equal([200, 200], new[] { first.StatusCode, replay.StatusCode });
        Assert.Single(division.Notifications.Changes);
    }

    [Fact]
    public async Task ATopicNoFlowSyncsIsIgnoredAndABodyThatIsNoNotificationIsABadRequest()
    {
        await using var division = await ExactOnlineWebhookDivision.StartAsync(Check);

        var unknown = await division.Receiver.ReceiveAsync(Post(Notification("StockPositions", Guid.NewGuid().ToString()), division.Emulator.WebhookSecret), default);
        var garbage = await division.Receiver.ReceiveAsync(Request("""{"Topic":"Accounts"}"""), default);

        Assert.Equal(200, unknown.StatusCode);
        Assert.Equal(400, garbage.StatusCode);
        Assert.Empty(division.Notifications.Changes);
    }

    [Fact]
    public async Task TheSourceSubscribesEachTopicOnceAndReportsEachTypeLive()
    {
        await using var division = await ExactOnlineWebhookDivision.StartAsync(Check);
        using var stop = new CancellationTokenSource();

        var running = division.Source.RunAsync(["Accounts", "Items", "QuotationLines"], division.Notifications, stop.Token);
        var states = new[] { await division.Notifications.NextStateAsync(), await division.Notifications.NextStateAsync(), await division.Notifications.NextStateAsync() };
        await Task.Delay(Check * 5);
        await stop.CancelAsync();
        await running;

        Assert.Equal(
            [("QuotationLines", false), ("Accounts", true), ("Items", true)],
            states.Select(s => (s.Target.Type, s.Live)));
        Assert.All(states, s => Assert.Equal("ExactOnline", s.Target.System));
        Assert.Equal(
            [("Accounts", division.CallbackUrl), ("Items", division.CallbackUrl)],
            division.Emulator.WebhookSubscriptions.Select(s => (s.Topic, s.CallbackUrl)).Order());
        Assert.Equal(2, division.Emulator.CallCount(ExactOnlineEndpoint.Create, "WebhookSubscriptions"));
        Assert.False(division.Notifications.AnyStateLeft);
    }

    [Fact]
    public async Task ASourceWithNoTopicToSubscribeReportsItsTypesNotLiveAndRunsUntilStopped()
    {
        await using var division = await ExactOnlineWebhookDivision.StartAsync(Check);
        using var stop = new CancellationTokenSource();

        var running = division.Source.RunAsync(["SalesOrderLines"], division.Notifications, stop.Token);
        var state = await division.Notifications.NextStateAsync();
        await Task.Delay(Check * 3);
        var ranOn = !running.IsCompleted;
        await stop.CancelAsync();
        await running;

        Assert.Equal(("SalesOrderLines", false), (state.Target.Type, state.Live));
        Assert.True(ranOn);
        Assert.Empty(division.Emulator.WebhookSubscriptions);
        Assert.Equal(0, division.Emulator.CallCount(ExactOnlineEndpoint.List, "WebhookSubscriptions"));
    }

    [Fact]
    public async Task ASourceStartedAgainReusesTheSubscriptions()
    {
        await using var division = await ExactOnlineWebhookDivision.StartAsync(Check);
        await RunUntilLiveAsync(division, "SalesOrders");

        await RunUntilLiveAsync(division, "SalesOrders");

        Assert.Single(division.Emulator.WebhookSubscriptions);
        Assert.Equal(1, division.Emulator.CallCount(ExactOnlineEndpoint.Create, "WebhookSubscriptions"));
    }

    [Fact]
    public async Task ASubscriptionDeletedInExactIsReportedLostAndCreatedAgain()
    {
        await using var division = await ExactOnlineWebhookDivision.StartAsync(Check);
        using var stop = new CancellationTokenSource();
        var running = division.Source.RunAsync(["Accounts"], division.Notifications, stop.Token);
        Assert.True((await division.Notifications.NextStateAsync()).Live);
        var first = Assert.Single(division.Emulator.WebhookSubscriptions);

        division.Emulator.DeleteWebhookSubscription(first.Id);
        var lost = await division.Notifications.NextStateAsync();
        var back = await division.Notifications.NextStateAsync();
        await stop.CancelAsync();
        await running;

        Assert.False(lost.Live);
        Assert.Contains("gone from Exact Online", lost.Reason, StringComparison.Ordinal);
        Assert.True(back.Live);
        var second = Assert.Single(division.Emulator.WebhookSubscriptions);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(("Accounts", division.CallbackUrl), (second.Topic, second.CallbackUrl));
    }

    [Fact]
    public async Task AnEditInExactReachesTheEngineThroughTheEmulatorsWebhook()
    {
        await using var division = await ExactOnlineWebhookDivision.StartAsync(Check);
        var account = division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Albex" });
        await RunUntilLiveAsync(division, "Accounts");

        division.Emulator.Edit("Accounts", account, new JsonObject { ["Name"] = "Albex B.V." });
        var (target, ids) = await division.Notifications.NextChangeAsync();

        Assert.Equal(new SyncTarget("ExactOnline", "Accounts"), target);
        Assert.Equal([account.ToString()], ids);
    }

    [Fact]
    public void TheWebhookSecretAndCallbackBaseUrlAreRequiredOnlyWhenNotificationsAreOn()
    {
        static ExactOnlineOptions Options(bool enabled)
        {
            var services = new ServiceCollection()
                .AddKeyedSingleton<IExactOnlineTokenStore>("ExactOnline", new InMemoryExactOnlineTokenStore("refresh"))
                .Configure<SyncNotificationOptions>(options => options.Enabled = enabled);
            using var provider = new SesamTalkBuilder(services).AddExactOnline(options =>
            {
                options.BaseUrl = new Uri("https://start.exactonline.nl/");
                options.ClientId = "client";
                options.ClientSecret = "secret";
            }).Services.BuildServiceProvider();
            return provider.GetRequiredService<IOptionsMonitor<ExactOnlineOptions>>().Get("ExactOnline");
        }

        var error = Assert.Throws<OptionsValidationException>(() => Options(enabled: true));

        Assert.Contains("ExactOnline:WebhookSecret is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("SesamTalk:Notifications:CallbackBaseUrl is not set", error.Message, StringComparison.Ordinal);
        Assert.Equal("", Options(enabled: false).WebhookSecret);
    }

    private static async Task RunUntilLiveAsync(ExactOnlineWebhookDivision division, string type)
    {
        using var stop = new CancellationTokenSource();
        var running = division.Source.RunAsync([type], division.Notifications, stop.Token);
        var state = await division.Notifications.NextStateAsync();
        await stop.CancelAsync();
        await running;
        Assert.Equal((type, true), (state.Target.Type, state.Live));
    }

    /// <summary>A notification's <c>Content</c> as Exact writes it.</summary>
    private static string Notification(string topic, string key) =>
        $$"""{"Topic":"{{topic}}","ClientId":"5b4d4c3e-2a1f-4e6d-9c8b-7a6f5e4d3c2b","Division":499156,"Action":"Update","Key":"{{key}}","ExactOnlineEndpoint":"https://start.exactonline.nl/api/v1/499156/crm/{{topic}}(guid'{{key}}')","EventCreatedOn":"2026-12-07T12:00:00.000"}""";

    /// <summary>The body Exact posts: the content and its HMAC-SHA256 under <paramref name="secret"/>, in upper-case hex.</summary>
    private static SyncWebhookRequest Post(string content, string secret)
    {
        var hash = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(content)));
        return Request($$"""{"Content":{{content}},"HashCode":"{{hash}}"}""");
    }

    private static SyncWebhookRequest Request(string body) =>
        new("POST", new Dictionary<string, string> { ["Content-Type"] = "application/json" }, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));
}
