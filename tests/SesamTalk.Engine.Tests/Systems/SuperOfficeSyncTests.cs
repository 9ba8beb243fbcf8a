using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Engine.Tests.Systems;

/// <summary>The engine with the SuperOffice connector and emulator: archive pages in, one create a call out, faults survived.</summary>
public sealed class SuperOfficeSyncTests
{
    [Fact]
    public async Task A_thousand_contacts_arrive_in_archive_pages_and_host_companies_are_created_one_call_each()
    {
        await using var superOffice = await SuperOfficeEmulator.StartAsync();
        for (var i = 0; i < 1000; i++)
        {
            superOffice.Seed("Contact", new JsonObject { ["Name"] = $"Contact {i}", ["OrgNr"] = $"9{i:D8}" });
        }

        await using var host = Host(superOffice);
        for (var i = 0; i < 50; i++)
        {
            await host.Store.SaveAsync(new Company { OrganisationNumber = $"8{i:D8}", Name = $"Company {i}" }, default);
        }

        var first = (await host.Talk.Companies.SyncAsync()).Flows.Single();

        Assert.False(first.Stopped, first.StopReason);
        Assert.Equal(1050, first.Created);
        Assert.Equal(1050, host.Store.Records.Count);
        // 500 rows a page, then the short page; then one read of the 50 contacts created, as SuperOffice stored them
        Assert.Equal(4, superOffice.CallCount(SuperOfficeEndpoint.Archive));
        Assert.Equal(50, superOffice.CallCount(SuperOfficeEndpoint.Create));

        superOffice.ResetCallCounts();
        var echo = (await host.Talk.Companies.SyncAsync()).Flows.Single();
        Assert.Equal(0, echo.Created + echo.Updated + echo.Deleted);
        Assert.Equal(0, superOffice.CallCount(SuperOfficeEndpoint.Create) + superOffice.CallCount(SuperOfficeEndpoint.Update) + superOffice.CallCount(SuperOfficeEndpoint.Patch));
    }

    [Fact]
    public async Task Lost_answers_server_errors_and_an_expired_token_lose_or_duplicate_no_contact()
    {
        await using var superOffice = await SuperOfficeEmulator.StartAsync();
        await using var host = Host(superOffice);
        for (var i = 0; i < 40; i++)
        {
            await host.Store.SaveAsync(new Company { OrganisationNumber = $"7{i:D8}", Name = $"Faulty {i}" }, default);
        }

        superOffice.Inject(SuperOfficeFault.LoseResponse().On(SuperOfficeEndpoint.Create).Times(1));
        superOffice.Inject(SuperOfficeFault.ServerError(502).On(SuperOfficeEndpoint.Create).Times(1));
        superOffice.ExpireAccessTokens();

        var cycles = await host.SyncUntilCleanAsync(talk => talk.Companies.SyncAsync());

        Assert.Contains(cycles, cycle => cycle.Stopped);
        var numbers = host.Store.Records.Select(company => company.OrganisationNumber).ToList();
        Assert.Equal(40, numbers.Distinct().Count());
        Assert.Equal(40, numbers.Count);
        foreach (var company in host.Store.Records)
        {
            Assert.Single(await host.Talk.Companies.GetLinksAsync(company.Id));
        }
    }

    [Fact]
    public async Task A_contact_deleted_in_SuperOffice_which_reports_no_deletions_is_found_by_listing_ids_and_its_company_deleted()
    {
        await using var superOffice = await SuperOfficeEmulator.StartAsync();
        var doomed = superOffice.Seed("Contact", new JsonObject { ["Name"] = "Doomed AS", ["OrgNr"] = "911111111" });
        superOffice.Seed("Contact", new JsonObject { ["Name"] = "Staying AS", ["OrgNr"] = "922222222" });
        await using var host = Host(superOffice, options => options.Flows["Company"] = new SyncFlowOptions { Deletes = DeletePolicy.Propagate, DeletionScanInterval = TimeSpan.Zero });
        var first = (await host.Talk.Companies.SyncAsync()).Flows.Single();
        Assert.Equal(2, first.Created);

        superOffice.Delete("Contact", doomed);
        superOffice.ResetCallCounts();
        var second = (await host.Talk.Companies.SyncAsync()).Flows.Single();

        Assert.False(second.Stopped, second.StopReason);
        Assert.Equal(1, second.Deleted);
        Assert.Equal(["922222222"], host.Store.Records.Select(company => company.OrganisationNumber));
        Assert.Equal(1, second.Linked);
        Assert.Equal(2, superOffice.CallCount(SuperOfficeEndpoint.Archive)); // the change page, and the listing of ids
    }

    [Fact]
    public async Task The_id_listing_runs_at_most_once_per_interval_and_a_listing_that_would_delete_most_links_is_stopped_by_the_breaker()
    {
        await using var superOffice = await SuperOfficeEmulator.StartAsync();
        var contacts = Enumerable.Range(0, 10).Select(i => superOffice.Seed("Contact", new JsonObject { ["Name"] = $"Contact {i}", ["OrgNr"] = $"93{i:D7}" })).ToList();
        var clock = new ShiftedClock();
        await using var host = Host(superOffice, options => options.Flows["Company"] = new SyncFlowOptions { Deletes = DeletePolicy.Propagate, MassChangeMinimum = 2 }, clock);
        await host.Talk.Companies.SyncAsync(); // the first cycle read every contact: it counts as the listing

        superOffice.Delete("Contact", contacts[0]);
        var withinTheHour = (await host.Talk.Companies.SyncAsync()).Flows.Single();
        Assert.Equal(0, withinTheHour.Deleted); // the default interval is an hour

        clock.Advance(TimeSpan.FromHours(1));
        var anHourLater = (await host.Talk.Companies.SyncAsync()).Flows.Single();
        Assert.Equal(1, anHourLater.Deleted);

        foreach (var contact in contacts.Skip(1).Take(6)) // of 9 links; the breaker allows half
        {
            superOffice.Delete("Contact", contact);
        }

        clock.Advance(TimeSpan.FromHours(1));
        var mass = (await host.Talk.Companies.SyncAsync()).Flows.Single();
        Assert.True(mass.Stopped);
        Assert.Contains("mass-change breaker", mass.StopReason, StringComparison.Ordinal);
        Assert.Equal(9, host.Store.Records.Count);
    }

    [Fact]
    public async Task Under_the_default_policy_a_listing_that_misses_most_contacts_stops_the_cycle_and_keeps_every_link()
    {
        await using var superOffice = await SuperOfficeEmulator.StartAsync();
        var contacts = Enumerable.Range(0, 10).Select(i => superOffice.Seed("Contact", new JsonObject { ["Name"] = $"Contact {i}", ["OrgNr"] = $"94{i:D7}" })).ToList();
        await using var host = Host(superOffice, options => options.Flows["Company"] = new SyncFlowOptions { MassChangeMinimum = 2, DeletionScanInterval = TimeSpan.Zero });
        await host.Talk.Companies.SyncAsync();
        superOffice.Delete("Contact", contacts[0]);
        var one = (await host.Talk.Companies.SyncAsync()).Flows.Single();
        Assert.Equal((false, 9), (one.Stopped, one.Linked)); // one vanished contact only loses its link

        foreach (var contact in contacts.Skip(1).Take(6))
        {
            superOffice.Delete("Contact", contact);
        }

        var most = (await host.Talk.Companies.SyncAsync()).Flows.Single();

        Assert.True(most.Stopped);
        Assert.Contains("mass-change breaker", most.StopReason, StringComparison.Ordinal);
        Assert.Equal(9, most.Linked);
        Assert.Equal(10, host.Store.Records.Count);
    }

    private static SystemHost<Company> Host(SuperOfficeEmulator superOffice, Action<SyncEngineOptions>? configure = null, TimeProvider? clock = null) =>
        new(new InMemoryHostStore<Company>(c => c.Id, (c, id) => c.Id = id), services =>
        {
            services.Configure(configure ?? (_ => { }));
            services.AddSingleton(clock ?? TimeProvider.System);
            services.AddSuperOffice(superOffice);
        });
}
