using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Hosting;

/// <summary>Systems registered by name: two orgs of one system in one host, and the start-up check of every flow's parts.</summary>
public sealed class NamedSystemTests
{
    [Fact]
    public async Task Two_salesforce_orgs_registered_under_their_own_names_each_sync_their_own_flow_with_their_own_client()
    {
        await using var home = await SalesforceEmulator.StartAsync();
        await using var eu = await SalesforceEmulator.StartAsync();
        var directory = Directory.CreateTempSubdirectory("sesamtalk-two-orgs-");
        var devices = new InMemoryHostStore<Device>(d => d.Id, (d, id) => d.Id = id);
        await devices.SaveAsync(new Device { Code = "D-1", Name = "Sensor" }, default);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SesamTalk:Salesforce:LoginUrl"] = home.BaseUrl.ToString(),
            ["SesamTalk:Salesforce:ClientId"] = home.ClientId,
            ["SesamTalk:Salesforce:ClientSecret"] = home.ClientSecret,
            ["SesamTalk:Salesforce:DailyCallReserve"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostStore<Device>>(devices);
        services.AddSesamTalk()
            .AddSalesforce(configuration.GetSection("SesamTalk:Salesforce"))
            .AddSalesforce(
                options =>
                {
                    options.LoginUrl = eu.BaseUrl;
                    options.ClientId = eu.ClientId;
                    options.ClientSecret = eu.ClientSecret;
                    options.DailyCallReserve = 0;
                },
                name: "SalesforceEU")
            .AddEngine()
            .UseSqliteLinkStore(Path.Combine(directory.FullName, "links.db"));
        await using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            var talk = provider.GetRequiredService<TalkClient>();

            var toHome = (await talk.Devices.SyncAsync(Device.SyncTargets.SalesforceProduct2)).Flows.Single();
            var toEu = (await talk.Devices.SyncAsync(Device.SyncTargets.SalesforceEUProduct2)).Flows.Single();

            Assert.Equal((1, 1), (toHome.Created, toEu.Created));
            Assert.Equal("D-1", (string?)Assert.Single(home.GetRecords("Product2"))["ProductCode"]);
            Assert.Equal("D-1", (string?)Assert.Single(eu.GetRecords("Product2"))["ProductCode"]);
            var links = await talk.Devices.GetLinksAsync(devices.Records[0].Id);
            Assert.Equal(new[] { "Salesforce", "SalesforceEU" }, links.Select(link => link.Target.System).Order(StringComparer.Ordinal));

            // Each org has its own connector and HttpClient: each counted the calls of its own flow only.
            var homeConnector = provider.GetRequiredKeyedService<ISyncConnector>("Salesforce");
            var euConnector = provider.GetRequiredKeyedService<ISyncConnector>("SalesforceEU");
            Assert.Equal(("Salesforce", "SalesforceEU"), (homeConnector.System, euConnector.System));
            Assert.Equal((toHome.ApiCalls, toEu.ApiCalls), (homeConnector.ApiCalls, euConnector.ApiCalls));
            Assert.NotSame(provider.GetRequiredKeyedService<SalesforceClient>("Salesforce"), provider.GetRequiredKeyedService<SalesforceClient>("SalesforceEU"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    [Fact]
    public void A_second_system_under_a_name_already_registered_is_refused_with_the_way_to_name_it()
    {
        var builder = new ServiceCollection().AddSesamTalk().AddSalesforce(options => options.ClientId = "one");

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddSalesforce(options => options.ClientId = "two"));

        Assert.StartsWith("A system named Salesforce is registered already; give each instance a name of its own", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exact_online_division_set_in_code_without_a_token_store_under_its_name_stops_the_start_and_says_how_to_register_one()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IExactOnlineTokenStore>(new InMemoryExactOnlineTokenStore("a-token")); // not under the name: not the division's
        services.AddSesamTalk().AddExactOnline(
            options =>
            {
                options.BaseUrl = new Uri("https://start.exactonline.nl");
                options.ClientId = "client";
                options.ClientSecret = "secret";
            },
            name: "ExactOnlineNL");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            "ExactOnlineNL has no IExactOnlineTokenStore: register one under its name, e.g. services.AddKeyedSingleton<IExactOnlineTokenStore>(\"ExactOnlineNL\", store), or add ExactOnlineNL from a configuration section with RefreshToken.",
            Assert.Single(error.Failures));
    }

    [Fact]
    public async Task The_host_does_not_start_when_an_entity_with_flows_lacks_its_host_store_or_a_system_it_syncs_with()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IHostStore<Device>>(new InMemoryHostStore<Device>(d => d.Id, (d, id) => d.Id = id));
        builder.Services.AddSesamTalk()
            .AddSalesforce(options =>
            {
                options.LoginUrl = new Uri("https://login.salesforce.com");
                options.ClientId = "client";
                options.ClientSecret = "secret";
            })
            .AddEngine()
            .UseSqliteLinkStore(Path.Combine(Path.GetTempPath(), "sesamtalk-unused-" + Guid.NewGuid().ToString("N") + ".db"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal("SesamTalk cannot start:", lines[0]);
        Assert.Contains("- Device syncs with SalesforceEU/Product2, but no system named SalesforceEU is registered: add it on services.AddSesamTalk(), e.g. AddSalesforce(section, \"SalesforceEU\") or AddCustomSystem(\"SalesforceEU\", section), or turn the flow off (Enabled = false in its flow options).", lines);
        Assert.Contains("- Gadget has flows but no IHostStore<Gadget> is registered: register one, e.g. services.AddSingleton<IHostStore<Gadget>>(...), or keep it in EF Core with UseEntityFrameworkCore<TContext>().", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("- Device has flows", StringComparison.Ordinal)); // its store is registered
        Assert.DoesNotContain(lines, line => line.Contains("no system named Salesforce is", StringComparison.Ordinal)); // the home org is
        Assert.DoesNotContain(lines, line => line.StartsWith("- PurchaseLine has flows", StringComparison.Ordinal)); // lines sync inside their purchase
    }
}
