using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Engine.Tests;

/// <summary>
/// Promise 9, first part: a flow the mass-change breaker stops is held, visible in health and the typed client, and
/// released by a person's approval (or by the source being fixed) without a restart.
/// </summary>
public sealed class HeldFlowTests
{
    private static readonly SyncTarget Contacts = new("SuperOffice", "Contact");
    private static readonly SyncFlowId CompanyFlow = new("Company", Contacts);

    [Fact]
    public async Task A_listing_that_misses_most_contacts_holds_the_flow_until_a_person_approves_it_then_it_syncs_once_and_the_next_cycle_is_quiet()
    {
        await using var superOffice = await SuperOfficeEmulator.StartAsync();
        var contacts = SeedContacts(superOffice, 10);
        await using var host = Host(superOffice);
        Assert.Equal(10, (await host.Talk.Companies.SyncAsync()).Flows.Single().Created);
        var gone = contacts.Skip(3).ToList();
        foreach (var contact in gone)
        {
            superOffice.Delete("Contact", contact.Id);
        }

        var tripped = (await host.Talk.Companies.SyncAsync()).Flows.Single();

        Assert.True(tripped is { Stopped: true, Held: true, Failed: false, Deleted: 0 }, tripped.StopReason);
        Assert.Contains("7 of 10", tripped.StopReason, StringComparison.Ordinal);
        Assert.Equal(10, host.Store.Records.Count);
        var degraded = await HealthAsync(host);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("Company→SuperOffice/Contact is held by the mass-change breaker", degraded.Description, StringComparison.Ordinal);
        Assert.Contains("would delete or overwrite 7 of 10 linked records (limit 5); approve it once with ApproveHeldFlowAsync", degraded.Description, StringComparison.Ordinal);
        Assert.Equal(["Company→SuperOffice/Contact"], (string[])degraded.Data["heldFlows"]);

        // The typed client shows the held flow with what releasing it would do: delete the seven companies in the host.
        var held = Assert.Single(await host.Talk.Companies.GetHeldFlowsAsync());
        Assert.Equal((Contacts, 7, 10, 5, false), (held.Target, held.Changes, held.Links, held.Limit, held.IsApproved));
        Assert.All(held.Plan.Changes, change => Assert.Equal((SyncChangeKind.Delete, SyncSide.Local), (change.Kind, change.Side)));
        Assert.Equal(gone.Select(contact => contact.Id.ToString(CultureInfo.InvariantCulture)).Order(), held.Plan.Changes.Select(change => change.RemoteId).Order());
        Assert.Equal(10, host.Store.Records.Count);

        var beforeApproval = DateTimeOffset.UtcNow;
        Assert.True(await host.Talk.Companies.ApproveHeldFlowAsync(Contacts, "Ada Lovelace"));
        Assert.Contains("Ada Lovelace approved the change", (await HealthAsync(host)).Description, StringComparison.Ordinal);
        var approved = (await host.Talk.Companies.SyncAsync()).Flows.Single();

        Assert.True(approved is { Stopped: false, Held: false, Deleted: 7, Linked: 3 }, approved.StopReason);
        Assert.Equal(contacts.Take(3).Select(contact => contact.OrgNr), host.Store.Records.Select(company => company.OrganisationNumber).Order());
        var release = Assert.Single(await host.Links.GetReleasedHoldsAsync(CompanyFlow));
        Assert.Equal((HoldReleaseReason.Approved, "Ada Lovelace"), (release.Reason, release.Hold.ApprovedBy));
        Assert.InRange(release.Hold.ApprovedAt!.Value, beforeApproval, release.ReleasedAt);
        Assert.Empty(await host.Talk.Companies.GetHeldFlowsAsync());

        superOffice.ResetCallCounts();
        var quiet = (await host.Talk.Companies.SyncAsync()).Flows.Single();

        Assert.True(quiet is { Stopped: false, Held: false, Created: 0, Updated: 0, Deleted: 0, Linked: 3 }, quiet.StopReason);
        Assert.Equal(0, Writes(superOffice));
        var healthy = await HealthAsync(host);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.False(healthy.Data.ContainsKey("heldFlows"));
    }

    [Fact]
    public async Task A_flow_nobody_approves_stays_held_across_cycles_writes_nothing_more_and_its_counts_follow_the_source()
    {
        // The limit is 5 of 20 links and the edits come in pages of 4: the cycle that trips wrote the first page, as
        // every cycle of a breaker without holds would write the next one until the whole mass change went through.
        await using var app = await EngineHarness.StartAsync(options => options.Flows["Product"] = new SyncFlowOptions { MassChangeShare = 0.25, MassChangeMinimum = 3 }, pageSize: 4);
        for (var i = 0; i < 20; i++)
        {
            await app.Products.SaveAsync(new Product { Sku = $"H-{i:D2}", Name = $"Item {i}" }, default);
        }

        await app.Talk.Products.SyncAsync();
        await app.Talk.Products.SyncAsync(); // reads the creates back as echoes, so the feed then holds only the edits
        var shop = app.ShopRecords("Product").ToList();
        foreach (var record in shop.Take(12))
        {
            app.EditShop("Product", record.Id, new JsonObject { ["Name"] = "Overwritten" });
        }

        using var held = new HeldCycleCounter(app.Metrics);
        var tripped = (await app.Talk.Products.SyncAsync()).Flows.Single();
        Assert.True(tripped is { Stopped: true, Held: true, Updated: 4 }, tripped.StopReason);
        var flow = EngineHarness.Flow("Product", "Product");
        var since = (await app.Links.GetHeldFlowAsync(flow))!.Since;

        var cycles = new List<SyncFlowReport>();
        for (var cycle = 0; cycle < 3; cycle++)
        {
            if (cycle == 2)
            {
                foreach (var record in shop.Skip(12).Take(2))
                {
                    app.EditShop("Product", record.Id, new JsonObject { ["Name"] = "Overwritten" });
                }
            }

            cycles.Add((await app.Talk.Products.SyncAsync()).Flows.Single());
        }

        Assert.All(cycles, report => Assert.True(report is { Stopped: true, Held: true, Failed: false, Updated: 0, Created: 0, Deleted: 0, Linked: 20 }, report.StopReason));
        Assert.Equal(4, held.Cycles); // the cycle that tripped and the three that found the flow still held
        Assert.Equal(4, app.Products.Records.Count(product => product.Name == "Overwritten"));
        Assert.Contains("8 of 20", cycles[0].StopReason, StringComparison.Ordinal);
        Assert.Contains("10 of 20", cycles[2].StopReason, StringComparison.Ordinal);
        var hold = await app.Links.GetHeldFlowAsync(flow);
        Assert.NotNull(hold);
        Assert.Equal((10, 20, 5, false, since), (hold.Changes, hold.Links, hold.Limit, hold.IsApproved, hold.Since));
        Assert.True(hold.CheckedAt > since);
        Assert.Empty(await app.Links.GetReleasedHoldsAsync(flow));
        Assert.Contains(app.Logs.Lines, line => line.Contains("Product→Shop/Product: still held by the mass-change breaker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_held_flow_whose_contacts_come_back_is_released_by_itself_and_says_so()
    {
        await using var superOffice = await SuperOfficeEmulator.StartAsync();
        var contacts = SeedContacts(superOffice, 10);
        var logs = new CapturedLogs();
        await using var host = Host(superOffice, logs);
        await host.Talk.Companies.SyncAsync();
        foreach (var contact in contacts.Skip(3))
        {
            superOffice.Delete("Contact", contact.Id);
        }

        Assert.True((await host.Talk.Companies.SyncAsync()).Flows.Single().Held);

        // The listing was wrong, not the data: the contacts are there again with the same ids and values.
        foreach (var contact in contacts.Skip(3))
        {
            superOffice.Seed("Contact", new JsonObject { ["ContactId"] = contact.Id, ["Name"] = contact.Name, ["OrgNr"] = contact.OrgNr });
        }

        var fixedSource = (await host.Talk.Companies.SyncAsync()).Flows.Single();

        Assert.True(fixedSource is { Stopped: false, Held: false, Created: 0, Updated: 0, Deleted: 0, Linked: 10 }, fixedSource.StopReason);
        Assert.Equal(10, host.Store.Records.Count);
        Assert.Null(await host.Links.GetHeldFlowAsync(CompanyFlow));
        var release = Assert.Single(await host.Links.GetReleasedHoldsAsync(CompanyFlow));
        Assert.Equal((HoldReleaseReason.SourceFixed, null), (release.Reason, release.Hold.ApprovedBy));
        Assert.Contains(logs.Lines, line => line.Contains("Company→SuperOffice/Contact: released from its hold by itself", StringComparison.Ordinal));
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync(host)).Status);
    }

    private static List<(int Id, string Name, string OrgNr)> SeedContacts(SuperOfficeEmulator superOffice, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var name = $"Held {i}";
            var orgNr = "96" + i.ToString("D7", CultureInfo.InvariantCulture);
            return (superOffice.Seed("Contact", new JsonObject { ["Name"] = name, ["OrgNr"] = orgNr }), name, orgNr);
        }).ToList();

    private static int Writes(SuperOfficeEmulator superOffice) =>
        new[] { SuperOfficeEndpoint.Create, SuperOfficeEndpoint.Update, SuperOfficeEndpoint.Patch, SuperOfficeEndpoint.Delete }.Sum(superOffice.CallCount);

    private static async Task<HealthReportEntry> HealthAsync(SystemHost<Company> host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["sesamtalk-superoffice"];

    /// <summary>Companies and SuperOffice contacts; a contact gone from the listing deletes its company; the listing runs every cycle.</summary>
    private static SystemHost<Company> Host(SuperOfficeEmulator superOffice, CapturedLogs? logs = null) =>
        new(new InMemoryHostStore<Company>(c => c.Id, (c, id) => c.Id = id), services =>
        {
            services.Configure<SyncEngineOptions>(options => options.Flows["Company"] = new SyncFlowOptions
            {
                Deletes = DeletePolicy.Propagate,
                MassChangeMinimum = 2,
                DeletionScanInterval = TimeSpan.Zero,
            });
            services.AddSingleton(logs ?? new CapturedLogs());
            services.AddSingleton(typeof(ILogger<>), typeof(CapturingLogger<>));
            services.AddHealthChecks().AddSesamTalk("SuperOffice");
            services.AddSuperOffice(superOffice);
        });
}
