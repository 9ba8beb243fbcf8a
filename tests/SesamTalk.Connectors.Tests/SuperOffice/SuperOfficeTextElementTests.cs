using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>
/// EntityElement lists (Emails, Phones, Urls) mapped to text properties, as the catalog types them: read as the first
/// element's Value, written as the first element with the others kept.
/// </summary>
public class SuperOfficeTextElementTests
{
    private static readonly DateTimeOffset T0 = new(2024, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly FieldListMapper Contacts = new("SuperOffice", "Contact", "Name", "Emails", "Phones");

    private static JsonArray Elements(params (string Value, string? Description)[] elements) =>
        [.. elements.Select(e => (JsonNode)new JsonObject { ["Value"] = e.Value, ["Description"] = e.Description })];

    [Fact]
    public async Task Text_mapped_element_lists_are_read_as_the_first_value_in_changes_gets_and_searches()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var id = tenant.Emulator.Seed("Contact", new JsonObject
        {
            ["Name"] = "Acme",
            ["Emails"] = Elements(("post@acme.test", "Main"), ("sales@acme.test", null)),
        }, T0);
        var withoutEmails = new FieldListMapper("SuperOffice", "Contact", "Name");

        var changed = Assert.Single(Assert.Single(await tenant.Connector.ReadChangesAsync(Contacts, null, CancellationToken.None).ToListAsync()).Records);
        var got = await tenant.Connector.GetAsync(Contacts, Text(id), CancellationToken.None);
        var found = Assert.Single(await tenant.Connector.SearchAsync(Contacts, "Name", [SyncValue.From("Acme")], CancellationToken.None));
        var raw = await tenant.Client.GetAsync(Connectors.SuperOffice.SuperOfficeEntity.Contact, id);

        Assert.Equal(SyncValueKind.String, changed["Emails"].Kind);
        Assert.Equal("post@acme.test", changed["Emails"].AsString());
        Assert.True(changed["Phones"].IsNull);
        Assert.Equal("post@acme.test", got!["Emails"].AsString());
        Assert.Equal("Acme", found["Name"].AsString());
        Assert.Equal(2, raw!["Emails"].AsRecords()!.Count); // the client itself keeps the whole list
        Assert.Equal(T0, changed.ModifiedAt);
        Assert.False(Assert.Single(await tenant.Connector.ReadChangesAsync(withoutEmails, null, CancellationToken.None).ToListAsync()).Records[0].Contains("Emails"));
    }

    [Fact]
    public async Task A_text_is_written_as_the_first_element_keeping_the_other_elements_and_its_description()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var id = tenant.Emulator.Seed("Contact", new JsonObject
        {
            ["Name"] = "Acme",
            ["Emails"] = Elements(("old@acme.test", "Main"), ("sales@acme.test", "Sales")),
        }, T0);

        var created = Assert.Single(await tenant.Connector.CreateAsync(Contacts, [new(new SyncRecord("Contact")
        {
            ["Name"] = SyncValue.From("Beta"),
            ["Emails"] = SyncValue.From("post@beta.test"),
        }, "k")], CancellationToken.None));
        var updated = Assert.Single(await tenant.Connector.UpdateAsync(Contacts, [new SyncRecord("Contact", Text(id)) { ["Emails"] = SyncValue.From("new@acme.test") }], CancellationToken.None));

        Assert.True(created.Succeeded && updated.Succeeded, created.Error?.ToString() ?? updated.Error?.ToString());
        var beta = tenant.Emulator.GetRecord("Contact", int.Parse(created.Id!, CultureInfo.InvariantCulture))!;
        Assert.Equal(["post@beta.test"], beta["Emails"]!.AsArray().Select(e => (string)e!["Value"]!));
        var acme = tenant.Emulator.GetRecord("Contact", id)!["Emails"]!.AsArray();
        Assert.Equal(["new@acme.test", "sales@acme.test"], acme.Select(e => (string)e!["Value"]!));
        Assert.Equal(["Main", "Sales"], acme.Select(e => (string?)e!["Description"]));
        Assert.Equal("new@acme.test", (await tenant.Connector.GetAsync(Contacts, Text(id), CancellationToken.None))!["Emails"].AsString());
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
