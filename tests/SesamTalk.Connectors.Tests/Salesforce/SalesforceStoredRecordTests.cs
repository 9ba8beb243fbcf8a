using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>
/// What the Salesforce connector tells the engine of the records as Salesforce stored them: sObject Collections answer
/// ids only, so the engine reads written records back, many in one query.
/// </summary>
public class SalesforceStoredRecordTests
{
    [Fact]
    public async Task Updates_and_creates_that_may_be_repeats_carry_no_stored_record_and_the_read_back_shows_what_salesforce_made_of_the_values()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme" });
        var contacts = new FieldListMapper("Salesforce", "Contact", "LastName", "Department", "AccountId", "EmailBouncedDate");
        var contact = new SyncRecord("Contact")
        {
            ["LastName"] = SyncValue.From("  Smith \t"),
            ["Department"] = SyncValue.From(""),
            ["AccountId"] = SyncValue.From(account[..15]),
            ["EmailBouncedDate"] = SyncValue.From(new DateTimeOffset(2024, 9, 10, 14, 20, 17, 987, TimeSpan.Zero)),
        };

        var created = Assert.Single(await org.Connector.CreateAsync(contacts, [new(contact, "k")], CancellationToken.None));
        var updated = Assert.Single(await org.Connector.UpdateAsync(contacts, [new SyncRecord("Contact", created.Id) { ["Department"] = SyncValue.From(" Sales ") }], CancellationToken.None));
        var read = Assert.Single(await org.Connector.GetManyAsync(contacts, [created.Id!], CancellationToken.None));

        Assert.Null(created.Stored);
        Assert.Null(updated.Stored);
        Assert.Equal("Smith", read["LastName"].AsString());
        Assert.Equal("Sales", read["Department"].AsString());
        Assert.Equal(account, read["AccountId"].AsString());
        Assert.Equal(new DateTimeOffset(2024, 9, 10, 14, 20, 17, TimeSpan.Zero), read["EmailBouncedDate"].AsDateTimeOffset());
    }

    [Fact]
    public async Task Many_records_are_read_in_one_query_with_their_children_in_one_more_roll_ups_and_tombstones_included()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var (account, pricebook, entry) = OrderSeed.In(org);
        var items = OrderSeed.Items;
        var orders = new FieldListMapper("Salesforce", "Order", "AccountId", "EffectiveDate", "Status", "Pricebook2Id", "TotalAmount").WithChildren("OrderItems", "OrderId", items);
        var creates = Enumerable.Range(1, 3).Select(i => new RemoteCreate(new SyncRecord("Order")
        {
            ["AccountId"] = SyncValue.From(account),
            ["EffectiveDate"] = SyncValue.From(new DateOnly(2024, 9, 10)),
            ["Status"] = SyncValue.From("Draft"),
            ["Pricebook2Id"] = SyncValue.From(pricebook),
            ["OrderItems"] = SyncValue.From([new SyncRecord("OrderItem") { ["PricebookEntryId"] = SyncValue.From(entry), ["Quantity"] = SyncValue.From(i), ["UnitPrice"] = SyncValue.From(10m) }]),
        }, $"k{i}")).ToList();
        var ids = (await org.Connector.CreateAsync(orders, creates, CancellationToken.None)).Select(r => r.Id!).ToList();
        await org.Connector.DeleteAsync(orders, [ids[2]], CancellationToken.None);
        org.Emulator.ResetCallCounts();

        var read = await org.Connector.GetManyAsync(orders, [.. ids, "801000000000099AAA"], CancellationToken.None);

        Assert.Equal(ids.Order(), read.Select(r => r.Id).Order());
        Assert.Equal([false, false, true], ids.Select(id => read.Single(r => r.Id == id).IsDeleted));
        Assert.Equal([1m, 2m], ids.Take(2).Select(id => Assert.Single(read.Single(r => r.Id == id)["OrderItems"].AsRecords()!)["Quantity"].AsDecimal()!.Value));
        Assert.Equal([10m, 20m], ids.Take(2).Select(id => read.Single(r => r.Id == id)["TotalAmount"].AsDecimal()!.Value)); // Salesforce sums the items
        Assert.Equal(2, org.Emulator.CallCount(SalesforceEndpoint.Query));
    }
}
