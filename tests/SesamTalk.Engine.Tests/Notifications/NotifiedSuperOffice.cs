using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// A web host on loopback whose companies sync with an emulated SuperOffice tenant in the background, with change
/// notifications on: <c>AddSuperOffice</c> registers the tenant's webhook (checked every 200 ms) to the host's
/// <c>MapSesamTalkNotifications</c>, polling is 5 minutes apart, so after the first run only a webhook post (or a lost
/// webhook) makes the flow run again. <see cref="Failing"/> makes the host answer 500 to every post, as a host that is
/// down would. Every entity but Company is disabled.
/// </summary>
internal sealed class NotifiedSuperOffice(WebApplication app, SuperOfficeEmulator superOffice, CapturedLogs logs, InMemoryHostStore<Company> companies, Uri callbackUrl)
    : NotifiedWebHost(app, superOffice, logs, callbackUrl, Flow)
{
    public const string Secret = "an-e2e-webhook-secret-of-some-length";
    public const string Flow = "Company→SuperOffice/Contact";
    public const string CompanyDone = Flow + ": cycle done";
    public const string Live = "notifications for SuperOffice/Contact are live";
    public const string Lost = "notifications lost for SuperOffice/Contact";

    public SuperOfficeEmulator SuperOffice { get; } = superOffice;

    public InMemoryHostStore<Company> Companies { get; } = companies;

    public bool Failing { get; set; }

    /// <summary>Starts the tenant with <paramref name="contacts"/> and the host; returns once the first run is done, the webhook is live and the host settled.</summary>
    public static async Task<NotifiedSuperOffice> StartAsync(params (string Name, string OrgNr)[] contacts)
    {
        var emulatorOptions = new SuperOfficeEmulatorOptions();
        emulatorOptions.WebhookRetryDelays.Clear();
        emulatorOptions.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(5));
        emulatorOptions.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(5));
        var superOffice = await SuperOfficeEmulator.StartAsync(emulatorOptions);
        foreach (var (name, orgNr) in contacts)
        {
            superOffice.Seed("Contact", new System.Text.Json.Nodes.JsonObject { ["Name"] = name, ["OrgNr"] = orgNr });
        }

        var port = WebhookHostApp.FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/sesamtalk/notifications");
        var logs = new CapturedLogs();
        var companies = new InMemoryHostStore<Company>(c => c.Id, (c, id) => c.Id = id);
        var builder = WebhookHostApp.CreateBuilder(port, logs);
        var services = builder.Services;
        services.AddSingleton<IHostStore<Company>>(companies);
        services.AddKeyedSingleton<ISuperOfficeTokenStore>("SuperOffice", new InMemorySuperOfficeTokenStore(superOffice.IssueRefreshToken()));
        var talk = services.AddSesamTalk();
        talk.AddSuperOffice(options =>
            {
                options.LoginBaseUrl = superOffice.BaseUrl;
                options.Tenant = superOffice.ContextIdentifier;
                options.ClientId = superOffice.ClientId;
                options.ClientSecret = superOffice.ClientSecret;
                options.RedirectUri = superOffice.RedirectUri;
                options.MaxRetryDelay = TimeSpan.FromSeconds(2);
                options.WebhookSecret = Secret;
                options.WebhookCheckInterval = TimeSpan.FromMilliseconds(200);
            })
            .AddNotifiedEngine("Company", TimeSpan.FromMilliseconds(100), baseUrl);
        NotifiedSuperOffice? host = null;
        var app = await WebhookHostApp.StartAsync(builder, app => app.Use(async (http, next) =>
        {
            if (host!.Failing)
            {
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            await next(http);
        }));
        host = new NotifiedSuperOffice(app, superOffice, logs, companies, new Uri(baseUrl + "/superoffice"));
        host.SettledCycles = await logs.WaitUntilLiveAndSettledAsync(Flow, "SuperOffice/Contact");
        return host;
    }
}
