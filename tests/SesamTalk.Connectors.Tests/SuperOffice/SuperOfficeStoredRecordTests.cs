using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>
/// What the SuperOffice connector tells the engine of the records as SuperOffice saved them: write answers in the form
/// the feed reads them, and reads of many records in as few calls as the WebAPI allows.
/// </summary>
public class SuperOfficeStoredRecordTests
{
    private static readonly DateTimeOffset T0 = new(2024, 9, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Whole_entity_writes_carry_the_entity_as_saved_with_its_derived_fields_and_text_mapped_lists_as_text()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var contact = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Acme" }, T0);
        var persons = new FieldListMapper("SuperOffice", "Person", "Firstname", "Lastname", "FullName", "Emails", "Contact");

        var created = Assert.Single(await tenant.Connector.CreateAsync(persons, [new(new SyncRecord("Person")
        {
            ["Firstname"] = SyncValue.From("Ola"),
            ["Lastname"] = SyncValue.From("Nordmann"),
            ["Emails"] = SyncValue.From("ola@acme.test"),
            ["Contact"] = SyncValue.From(contact),
        }, "k")], CancellationToken.None));
        var updated = Assert.Single(await tenant.Connector.UpdateAsync(persons, [new SyncRecord("Person", created.Id) { ["Firstname"] = SyncValue.From("Kari") }], CancellationToken.None));
        var read = await tenant.Connector.GetAsync(persons, created.Id!, CancellationToken.None);

        Assert.Equal(created.Id, created.Stored!.Id);
        Assert.Equal("Ola Nordmann", created.Stored["FullName"].AsString()); // SuperOffice builds it
        Assert.Equal("ola@acme.test", created.Stored["Emails"].AsString());
        Assert.Equal("Kari Nordmann", updated.Stored!["FullName"].AsString());
        Assert.Equal(updated.Stored.ModifiedAt, updated.ModifiedAt);
        Assert.All(persons.Fields, f => Assert.Equal(read![f.Field], updated.Stored[f.Field]));
    }

    [Fact]
    public async Task A_type_the_feed_reads_from_the_archive_is_read_back_many_in_one_archive_call_in_the_feeds_form()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var contacts = new FieldListMapper("SuperOffice", "Contact", "Name", "OrgNr");
        var creates = new[] { "Acme", "Beta" }.Select(name => new RemoteCreate(new SyncRecord("Contact") { ["Name"] = SyncValue.From(name) }, name)).ToList();

        var results = await tenant.Connector.CreateAsync(contacts, creates, CancellationToken.None);
        var feed = (await tenant.Connector.ReadChangesAsync(contacts, null, CancellationToken.None).ToListAsync()).SelectMany(p => p.Records).ToList();
        tenant.Emulator.ResetCallCounts();
        var read = await tenant.Connector.GetManyAsync(contacts, [.. results.Select(r => r.Id!), "9999", "no-key"], CancellationToken.None);

        Assert.All(results, r => Assert.Null(r.Stored));
        Assert.Equal(results.Select(r => r.Id).Order(), read.Select(r => r.Id).Order());
        Assert.All(read, r => Assert.Equal(feed.Single(f => f.Id == r.Id)["OrgNr"], r["OrgNr"])); // the archive's "" for no OrgNr
        Assert.Equal(1, tenant.Emulator.CallCount(SuperOfficeEndpoint.Archive));
        Assert.Equal(0, tenant.Emulator.CallCount(SuperOfficeEndpoint.Retrieve));
    }

    [Fact]
    public async Task Quote_carriers_carry_the_recalculated_carrier_but_an_alternative_with_lines_leaves_it_to_a_read_back()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var alternative = tenant.Emulator.Seed("QuoteAlternative", new JsonObject { ["QuoteVersionId"] = 1, ["Name"] = "A" });
        var lines = new FieldListMapper("SuperOffice", "QuoteLine", "Quantity", "UnitListPrice", "QuoteAlternativeId");
        var alternatives = new FieldListMapper("SuperOffice", "QuoteAlternative", "Name", "QuoteVersionId").WithChildren("QuoteLines", "QuoteAlternativeId", lines);
        SyncRecord Line(int quantity) => new("QuoteLine") { ["QuoteAlternativeId"] = SyncValue.From(alternative), ["Quantity"] = SyncValue.From(quantity), ["UnitListPrice"] = SyncValue.From(100) };

        var line = await tenant.Connector.CreateAsync(lines, [new(Line(3), "a"), new(Line(1), "b")], CancellationToken.None);
        var withLines = Assert.Single(await tenant.Connector.CreateAsync(alternatives, [new(new SyncRecord("QuoteAlternative")
        {
            ["Name"] = SyncValue.From("B"),
            ["QuoteVersionId"] = SyncValue.From(1),
            ["QuoteLines"] = SyncValue.From([new SyncRecord("QuoteLine") { ["Quantity"] = SyncValue.From(2), ["UnitListPrice"] = SyncValue.From(10) }]),
        }, "c")], CancellationToken.None));
        tenant.Emulator.ResetCallCounts();
        var read = await tenant.Connector.GetManyAsync(lines, [line[0].Id!, line[1].Id!], CancellationToken.None);

        Assert.Equal(300m, line[0].Stored!["TotalPrice"].AsDecimal()); // 3 × 100, calculated by SuperOffice
        Assert.True(withLines.Succeeded, withLines.Error?.ToString());
        Assert.Null(withLines.Stored);
        Assert.Equal([3m, 1m], read.Select(r => r["Quantity"].AsDecimal()!.Value));
        Assert.Equal(2, tenant.Emulator.CallCount(SuperOfficeEndpoint.QuoteAgent)); // no agent method reads many lines by id
    }
}
