using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Engine.Tests.Systems;

/// <summary>
/// A bulk import of a thousand records, born in the host or in a remote system, reaches every system in one go, and
/// the next cycle writes nothing and trips nothing: the engine knows its own writes as each system stored them.
/// </summary>
public sealed class BulkImportTests
{
    private const int Records = 1000;

    [Fact]
    public async Task A_thousand_host_accounts_reach_Exact_Online_and_Salesforce_and_the_next_cycle_writes_nothing()
    {
        await using var systems = await AccountSystems.StartAsync();
        for (var i = 0; i < Records; i++)
        {
            await systems.Host.Store.SaveAsync(new Account { Number = $"C-{i:D4}", Name = $"Account {i}", City = "Utrecht " }, default);
        }

        var import = await systems.Host.Talk.Accounts.SyncAsync();

        Assert.All(import.Flows, flow => Assert.False(flow.Stopped, flow.StopReason));
        Assert.All(import.Flows, flow => Assert.Equal(Records, flow.Created));
        Assert.Equal(Records, systems.Salesforce.GetRecords("Account").Count);
        Assert.Equal(Records, systems.Exact.GetRecords("Accounts").Count);
        await AssertQuietAsync(systems);
    }

    [Fact]
    public async Task A_thousand_accounts_born_in_each_remote_system_reach_the_host_and_the_other_system_and_the_next_cycle_writes_nothing()
    {
        await using var systems = await AccountSystems.StartAsync();
        for (var i = 0; i < Records; i++)
        {
            systems.Salesforce.Seed("Account", new JsonObject { ["AccountNumber"] = $"SF-{i:D4}", ["Name"] = $"Salesforce account {i}", ["BillingCity"] = "Oslo" });
            systems.Exact.Seed("Accounts", new JsonObject { ["Code"] = $"EX-{i:D4}", ["Name"] = $"Exact account {i}", ["City"] = "Delft", ["Status"] = "C" });
        }

        // The first cycle brings each system's accounts to the host; the host's new records reach the other system
        // in the same cycle when its flow runs later, else in the next one.
        for (var cycle = 0; cycle < 2; cycle++)
        {
            var import = await systems.Host.Talk.Accounts.SyncAsync();
            Assert.All(import.Flows, flow => Assert.False(flow.Stopped, flow.StopReason));
        }

        Assert.Equal(2 * Records, systems.Host.Store.Records.Count);
        Assert.Equal(2 * Records, systems.Salesforce.GetRecords("Account").Count);
        Assert.Equal(2 * Records, systems.Exact.GetRecords("Accounts").Count);
        await AssertQuietAsync(systems);
    }

    [Fact]
    public async Task A_thousand_companies_born_in_the_host_and_in_SuperOffice_meet_and_the_next_cycle_writes_nothing()
    {
        await using var superOffice = await SuperOfficeEmulator.StartAsync();
        await using var host = new SystemHost<Company>(new InMemoryHostStore<Company>(c => c.Id, (c, id) => c.Id = id), services => services.AddSuperOffice(superOffice));
        for (var i = 0; i < Records; i++)
        {
            superOffice.Seed("Contact", new JsonObject { ["Name"] = $"Contact {i}", ["OrgNr"] = $"9{i:D8}", ["Department"] = "Sales" });
            await host.Store.SaveAsync(new Company { OrganisationNumber = $"8{i:D8}", Name = $"Company {i}", Department = " Support " }, default);
        }

        var import = (await host.Talk.Companies.SyncAsync()).Flows.Single();

        Assert.False(import.Stopped, import.StopReason);
        Assert.Equal(2 * Records, import.Created);
        superOffice.ResetCallCounts();
        var next = (await host.Talk.Companies.SyncAsync()).Flows.Single();
        Assert.False(next.Stopped, next.StopReason);
        Assert.Equal(0, next.Created + next.Updated + next.Deleted + next.Quarantined);
        Assert.Equal(0, superOffice.CallCount(SuperOfficeEndpoint.Create) + superOffice.CallCount(SuperOfficeEndpoint.Update));
        // The thousand contacts the import created come back once, read in archive pages and nothing else: no
        // per-record read, no write. (How many pages depends on how many rows share the cursor's second, which the
        // archive's second-precision cursor reads again.)
        Assert.Equal(next.ApiCalls, superOffice.CallCount(SuperOfficeEndpoint.Archive));
    }

    /// <summary>The cycle after an import writes nothing anywhere, trips no breaker and reads each remote side's changes once.</summary>
    private static async Task AssertQuietAsync(AccountSystems systems)
    {
        var next = await systems.Host.Talk.Accounts.SyncAsync();

        Assert.All(next.Flows, flow =>
        {
            Assert.False(flow.Stopped, flow.StopReason);
            Assert.Equal(0, flow.Created + flow.Updated + flow.Deleted + flow.Quarantined + flow.Conflicts);
            // One change read of the remote side and nothing else (the host side makes no call): a SOQL query for
            // Salesforce; Exact Online's sync feed of the set and its sync/Deleted feed of tombstones.
            Assert.Equal(flow.Target.System == "ExactOnline" ? 2 : 1, flow.ApiCalls);
        });
    }
}
