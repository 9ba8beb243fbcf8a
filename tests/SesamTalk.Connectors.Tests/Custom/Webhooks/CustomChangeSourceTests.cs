using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Custom;
using SesamTalk.Connectors.Custom.Webhooks;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Tests.Custom.Webhooks;

public sealed class CustomChangeSourceTests
{
    private const string Secret = "whsec_0123456789abcdef0123456789abcdef";
    private static readonly Uri Callback = new("http://127.0.0.1:9/sesamtalk/notifications/customcrm");

    [Fact]
    public async Task OneSubscriptionForAllTheFlowsTypesIsMadeAndEachTypeReportedLive()
    {
        await using var system = await StartAsync();
        var notifications = new RecordingNotifications();
        using var stop = new CancellationTokenSource();

        var run = Source(system).RunAsync(["Product", "Customer", "product"], notifications, stop.Token);
        var states = await notifications.WaitForStatesAsync(s => s.Count == 2);

        Assert.All(states, s => Assert.True(s.Live));
        Assert.Equal(["Customer", "Product"], states.Select(s => s.Target.Type));
        Assert.All(states, s => Assert.Equal("Customcrm", s.Target.System));
        var webhook = Assert.Single(system.Emulator.Webhooks);
        Assert.Equal(Callback, webhook.Url);
        Assert.Equal(["Customer", "Product"], webhook.Types);
        Assert.DoesNotContain(Secret, webhook.Description, StringComparison.Ordinal);
        await stop.CancelAsync();
        await run;
        Assert.Single(system.Emulator.Webhooks);
    }

    [Fact]
    public async Task ARestartReusesTheSubscriptionItMadeBefore()
    {
        await using var system = await StartAsync();
        await RunUntilLiveAsync(Source(system), ["Product"]);
        var first = Assert.Single(system.Emulator.Webhooks);

        await RunUntilLiveAsync(Source(system), ["Product"]);

        Assert.Equal(first.Id, Assert.Single(system.Emulator.Webhooks).Id);
        Assert.Equal(1, system.Emulator.CallCount(Testing.Custom.CustomEndpoint.CreateWebhook));
    }

    [Theory]
    [InlineData("whsec_another-secret-after-a-rotation-0123", "Product")]
    [InlineData(Secret, "Customer")]
    public async Task ASubscriptionWithAnotherSecretOrOtherTypesIsReplaced(string secret, string type)
    {
        await using var system = await StartAsync();
        await RunUntilLiveAsync(Source(system), ["Product"]);
        var first = Assert.Single(system.Emulator.Webhooks);

        await RunUntilLiveAsync(Source(system, new CustomConnectorOptions { WebhookSecret = secret }), [type]);

        var replacement = Assert.Single(system.Emulator.Webhooks);
        Assert.NotEqual(first.Id, replacement.Id);
        Assert.Equal([type], replacement.Types);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ADisabledOrDeletedSubscriptionIsReportedLostThenMadeAgain(bool disable)
    {
        await using var system = await StartAsync();
        var notifications = new RecordingNotifications();
        using var stop = new CancellationTokenSource();
        var run = Source(system, new CustomConnectorOptions { WebhookSecret = Secret, WebhookCheckInterval = TimeSpan.FromMilliseconds(100) })
            .RunAsync(["Product"], notifications, stop.Token);
        await notifications.WaitForStatesAsync(s => s.Count == 1);
        var first = Assert.Single(system.Emulator.Webhooks);

        if (disable)
        {
            system.Emulator.DisableWebhook(first.Id);
        }
        else
        {
            using var http = new HttpClient { BaseAddress = system.Emulator.BaseUrl };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", system.Emulator.ApiKey);
            (await http.DeleteAsync("webhooks/" + first.Id)).EnsureSuccessStatusCode();
        }

        var states = await notifications.WaitForStatesAsync(s => s.Count == 3);
        Assert.Equal([true, false, true], states.Select(s => s.Live));
        Assert.Contains(disable ? "disabled" : "deleted", states[1].Reason, StringComparison.Ordinal);
        var replacement = Assert.Single(system.Emulator.Webhooks);
        Assert.NotEqual(first.Id, replacement.Id);
        Assert.True(replacement.Enabled);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task ASubscriptionTheSystemRefusesIsReportedAndEndsTheSource()
    {
        await using var system = await StartAsync(catalog: """
            { "system": "Customcrm", "objects": [ { "name": "Product", "createable": true, "updateable": true, "deletable": true, "fields": [
              { "name": "Sku", "type": "string", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false } ] } ] }
            """);
        var notifications = new RecordingNotifications();

        var error = await Assert.ThrowsAsync<CustomSystemException>(() => Source(system).RunAsync(["Invoice"], notifications, CancellationToken.None));

        Assert.Equal("validation", error.ErrorCode);
        var state = Assert.Single(notifications.States);
        Assert.False(state.Live);
        Assert.Contains("refused", state.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutASecretTheSystemIsNotSubscribedToAndItsFlowsKeepPolling()
    {
        await using var system = await StartAsync();
        var notifications = new RecordingNotifications();
        using var stop = new CancellationTokenSource();

        var run = Source(system, new CustomConnectorOptions()).RunAsync(["Product"], notifications, stop.Token);
        await Task.Delay(300);

        Assert.False(run.IsCompleted);
        Assert.Empty(notifications.States);
        Assert.Equal(0, system.Emulator.CallCount(Testing.Custom.CustomEndpoint.ListWebhooks));
        await stop.CancelAsync();
        await run;
    }

    [Theory]
    [InlineData("too short", "http://shop.example.com/sesamtalk/notifications", "Customcrm:WebhookSecret must be 32 to 128 printable ASCII characters")]
    [InlineData(Secret, null, "SesamTalk:Notifications:CallbackBaseUrl is not set")]
    public async Task WithNotificationsOnTheHostDoesNotStartWithAMalformedSecretOrNoCallbackAddress(string secret, string? callbackBaseUrl, string failure)
    {
        await using var provider = Host(secret, callbackBaseUrl);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<CustomConnectorOptions>>().Get("Customcrm"));

        Assert.Contains(failure, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCustomSystemAddsTheSystemsChangeSourceAndWebhookReceiver()
    {
        await using var provider = Host(Secret, "http://shop.example.com/sesamtalk/notifications");

        Assert.Equal("Customcrm", Assert.Single(provider.GetServices<ISyncChangeSource>()).System);
        Assert.Equal("Customcrm", Assert.Single(provider.GetServices<ISyncWebhookReceiver>()).Name);
    }

    private static ServiceProvider Host(string secret, string? callbackBaseUrl) => new SesamTalkBuilder(new ServiceCollection())
        .AddCustomSystem("Customcrm", o => { o.BaseUrl = new Uri("http://127.0.0.1:9/"); o.ApiKey = "key"; o.WebhookSecret = secret; }).Services
        .AddSingleton<ISyncChangeNotifications>(new RecordingNotifications())
        .Configure<SyncNotificationOptions>(o => { o.Enabled = true; o.CallbackBaseUrl = callbackBaseUrl is null ? null : new Uri(callbackBaseUrl); })
        .BuildServiceProvider();

    private static Task<CustomSystem> StartAsync(string? catalog = null) => CustomSystem.StartAsync(catalog: catalog);

    private static CustomChangeSource Source(CustomSystem system, CustomConnectorOptions? options = null) =>
        new(system.Client, options ?? new CustomConnectorOptions { WebhookSecret = Secret }, () => Callback, TimeProvider.System, NullLogger<CustomChangeSource>.Instance);

    /// <summary>Runs the source until it reports live, then stops it, as a host start and stop would.</summary>
    private static async Task RunUntilLiveAsync(CustomChangeSource source, IReadOnlyCollection<string> types)
    {
        var notifications = new RecordingNotifications();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(types, notifications, stop.Token);
        await notifications.WaitForStatesAsync(s => s.Count == types.Count);
        Assert.All(notifications.States, s => Assert.True(s.Live));
        await stop.CancelAsync();
        await run;
    }
}
