using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Host;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// A web host on loopback Kestrel whose accounts sync with an emulated Exact Online division in the background, with
/// change notifications on and <c>MapSesamTalkNotifications</c> mounted, as a production host runs: the division posts
/// its webhooks to the host over HTTP. Polling is 5 minutes apart, so within a test only a webhook (or a subscription
/// found lost) makes the flow run again after its first run. Every other flow of the model is off.
/// </summary>
internal sealed class NotifiedExactDivision(ExactOnlineEmulator exact, WebApplication app, CapturedLogs logs, InMemoryHostStore<Account> accounts, Uri callbackUrl, HeldChangeSource? held)
    : NotifiedWebHost(app, exact, logs, callbackUrl, Flow)
{
    public const string Flow = "Account→ExactOnline/Accounts";
    public const string AccountDone = Flow + ": cycle done";

    public ExactOnlineEmulator Exact { get; } = exact;

    public InMemoryHostStore<Account> Accounts { get; } = accounts;

    /// <summary>The hold on the division's change source, when the host was started with one.</summary>
    public HeldChangeSource? Held { get; } = held;

    /// <summary>
    /// Starts the division with one account and the host; returns once the first run imported it, its subscription is
    /// live and the host settled; or, with <paramref name="holdSource"/>, once the first run is done, the change source
    /// held back until <see cref="Held"/> is released.
    /// </summary>
    public static async Task<NotifiedExactDivision> StartAsync(TimeSpan webhookCheckInterval, bool holdSource = false)
    {
        var exact = await ExactOnlineEmulator.StartAsync(new ExactOnlineEmulatorOptions { MinutelyLimit = 10_000, DailyLimit = 100_000 });
        exact.Seed("Accounts", new JsonObject { ["Code"] = "EX-0001", ["Name"] = "Albex", ["City"] = "Delft", ["Status"] = "C" });
        var port = WebhookHostApp.FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/sesamtalk/notifications");
        var logs = new CapturedLogs();
        var builder = WebhookHostApp.CreateBuilder(port, logs);
        var accounts = new InMemoryHostStore<Account>(a => a.Id, (a, id) => a.Id = id);
        var services = builder.Services;
        services.AddSingleton<IHostStore<Account>>(accounts);
        services.AddExactOnline(exact, options =>
        {
            options.WebhookSecret = exact.WebhookSecret;
            options.WebhookCheckInterval = webhookCheckInterval;
        });
        services.AddSesamTalk().AddNotifiedEngine("Account", TimeSpan.FromMilliseconds(100), baseUrl, "Account/Salesforce/Account");
        var held = holdSource ? HeldChangeSource.In(services) : null;

        var app = await WebhookHostApp.StartAsync(builder);
        var host = new NotifiedExactDivision(exact, app, logs, accounts, new Uri(baseUrl + "/exactonline"), held);
        if (held is null)
        {
            host.SettledCycles = await logs.WaitUntilLiveAndSettledAsync(Flow, "ExactOnline/Accounts");
        }
        else
        {
            await host.WaitUntilAsync(() => host.Count(AccountDone) == 1, "the first run");
            host.SettledCycles = 1;
        }

        return host;
    }
}
