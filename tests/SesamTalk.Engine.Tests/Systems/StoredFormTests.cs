using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Systems;

/// <summary>
/// Values a real system rewrites when it stores them (Salesforce trims text and keeps datetimes to the second) are the
/// engine's own writes coming back, not edits: the next cycle writes nothing, the host keeps its value, and the
/// rewrite never travels on to another system, while a real edit made afterwards in the system still travels.
/// </summary>
public sealed class StoredFormTests
{
    [Fact]
    public async Task Text_Salesforce_trims_is_not_taken_for_an_edit_and_never_reaches_the_host_or_Exact_Online()
    {
        await using var systems = await AccountSystems.StartAsync();
        var account = new Account { Number = "C-1001", Name = " Albers & Co ", City = "Utrecht " };
        await systems.Host.Store.SaveAsync(account, default);

        var first = await systems.Host.Talk.Accounts.SyncAsync();
        var second = await systems.Host.Talk.Accounts.SyncAsync();

        Assert.All(first.Flows, flow => Assert.Equal(1, flow.Created));
        var stored = Assert.Single(systems.Salesforce.GetRecords("Account"));
        Assert.Equal(("Albers & Co", "Utrecht"), ((string?)stored["Name"], (string?)stored["BillingCity"])); // as Salesforce keeps text
        Assert.All(second.Flows, flow => Assert.Equal(0, flow.Created + flow.Updated + flow.Deleted + flow.Conflicts));
        var host = Assert.Single(systems.Host.Store.Records);
        Assert.Equal((" Albers & Co ", "Utrecht "), (host.Name, host.City));
        var exact = Assert.Single(systems.Exact.GetRecords("Accounts"));
        Assert.Equal("Utrecht ", (string?)exact["City"]);

        // A real edit in Salesforce afterwards still travels to the host and on to Exact Online.
        systems.Salesforce.Edit((string)stored["Id"]!, new JsonObject { ["BillingCity"] = "Leiden" });
        await systems.Host.Talk.Accounts.SyncAsync();
        await systems.Host.Talk.Accounts.SyncAsync();

        Assert.Equal("Leiden", Assert.Single(systems.Host.Store.Records).City);
        Assert.Equal("Leiden", (string?)Assert.Single(systems.Exact.GetRecords("Accounts"))["City"]);
        var quiet = await systems.Host.Talk.Accounts.SyncAsync();
        Assert.All(quiet.Flows, flow => Assert.Equal(0, flow.Created + flow.Updated + flow.Deleted));
    }

    [Fact]
    public async Task A_datetime_Salesforce_keeps_to_the_second_is_not_taken_for_an_edit_in_a_create_or_an_update()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        await using var host = SalesforceConnection.Host<Person>(salesforce, p => p.Id, (p, id) => p.Id = id);
        var bounced = new DateTimeOffset(2026, 12, 1, 10, 0, 0, 123, TimeSpan.Zero);
        var person = new Person { Email = "ada@example.com", LastName = "Lovelace", EmailBouncedDate = bounced };
        await host.Store.SaveAsync(person, default);

        var create = (await host.Talk.Persons.SyncAsync()).Flows.Single();
        var afterCreate = (await host.Talk.Persons.SyncAsync()).Flows.Single();
        person.EmailBouncedDate = bounced.AddMinutes(5);
        await host.Store.SaveAsync(person, default);
        var update = (await host.Talk.Persons.SyncAsync()).Flows.Single();
        var afterUpdate = (await host.Talk.Persons.SyncAsync()).Flows.Single();

        Assert.Equal((1, 1), (create.Created, update.Updated));
        Assert.Equal("2026-12-01T10:05:00.000+0000", (string?)Assert.Single(salesforce.GetRecords("Contact"))["EmailBouncedDate"]);
        Assert.Equal(0, afterCreate.Created + afterCreate.Updated + afterCreate.Conflicts);
        Assert.Equal(0, afterUpdate.Created + afterUpdate.Updated + afterUpdate.Conflicts);
        Assert.Equal(bounced.AddMinutes(5), Assert.Single(host.Store.Records).EmailBouncedDate);
    }
}
