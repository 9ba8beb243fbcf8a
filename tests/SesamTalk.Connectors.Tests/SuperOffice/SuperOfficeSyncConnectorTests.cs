using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>The SuperOffice <see cref="ISyncConnector"/> against the emulated tenant: archive pages, search, one-entity writes.</summary>
public class SuperOfficeSyncConnectorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly FieldListMapper Contacts = new("SuperOffice", "Contact", "Name", "OrgNr");

    [Fact]
    public async Task Pages_within_one_shared_second_are_keyset_paged_and_a_resumed_read_starts_that_second_again()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync(pageSize: 3);
        tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Older" }, T0.AddSeconds(-1));
        var ids = Enumerable.Range(0, 7).Select(i => tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = $"C{i}", ["OrgNr"] = $"{i}" }, T0)).ToList();
        tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Later" }, T0.AddSeconds(1));

        var pages = await tenant.Connector.ReadChangesAsync(Contacts, null, CancellationToken.None).ToListAsync();
        var resumed = await tenant.Connector.ReadChangesAsync(Contacts, pages[1].Cursor, CancellationToken.None).ToListAsync();
        var atEnd = await tenant.Connector.ReadChangesAsync(Contacts, pages[^1].Cursor, CancellationToken.None).ToListAsync();

        Assert.Equal([3, 3, 3], pages.Select(p => p.Records.Count));
        Assert.Equal(9, pages.SelectMany(p => p.Records).Select(r => r.Id).Distinct().Count());
        Assert.Equal($"2024-09-01T08:00:00/{ids[4]}", pages[1].Cursor);
        Assert.Equal([.. ids.Select(Text), "9"], resumed.SelectMany(p => p.Records).Select(r => r.Id));
        Assert.Equal("2024-09-01T08:00:01/9", pages[^1].Cursor);
        Assert.Equal(["Later"], atEnd.SelectMany(p => p.Records).Select(r => r["Name"].AsString()));
    }

    [Fact]
    public async Task A_record_changed_later_in_the_cursor_second_with_a_lower_key_is_read_by_the_next_read()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync(pageSize: 2);
        var low = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Low" }, T0.AddSeconds(-5));
        var high = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "High" }, T0.AddMilliseconds(100));
        var first = await tenant.Connector.ReadChangesAsync(Contacts, null, CancellationToken.None).ToListAsync();

        tenant.Emulator.Edit("Contact", low, new JsonObject { ["Name"] = "Low edited" }, T0.AddMilliseconds(900));
        var next = await tenant.Connector.ReadChangesAsync(Contacts, first[^1].Cursor, CancellationToken.None).ToListAsync();

        Assert.Equal($"2024-09-01T08:00:00/{high}", first[^1].Cursor);
        var read = next.SelectMany(p => p.Records).ToList();
        Assert.Equal([Text(low), Text(high)], read.Select(r => r.Id));
        Assert.Equal("Low edited", read[0]["Name"].AsString());
        Assert.Equal($"2024-09-01T08:00:00/{high}", next[^1].Cursor);
    }

    [Fact]
    public async Task The_archive_reports_no_deletions_so_none_are_promised_and_the_ids_it_lists_show_them()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var gone = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Gone" }, T0);
        var kept = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Kept" }, T0);
        tenant.Emulator.Delete("Contact", gone);

        var page = await tenant.Connector.ReadChangesAsync(Contacts, null, CancellationToken.None).SingleAsync();
        var listed = await tenant.Connector.ListIdsAsync(Contacts, CancellationToken.None).SingleAsync();

        Assert.Equal("Kept", Assert.Single(page.Records)["Name"].AsString());
        Assert.Equal([Text(kept)], listed);
        Assert.Null(await tenant.Connector.GetAsync(Contacts, Text(gone), CancellationToken.None));
        Assert.Equal(new ConnectorCapabilities(true, true, true, false, false, 1, ListsIds: true), tenant.Connector.GetCapabilities("Contact"));
        Assert.Throws<NotSupportedException>(() => tenant.Connector.GetCapabilities("QuoteVersion"));
        Assert.Null(tenant.Connector.Usage);
    }

    [Fact]
    public async Task Search_joins_the_values_with_or_in_one_archive_restriction()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        foreach (var (name, orgNr) in new[] { ("Acme", "111"), ("Beta", "222"), ("O'Neill", "333") })
        {
            tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = name, ["OrgNr"] = orgNr }, T0);
        }

        tenant.Emulator.ResetCallCounts();
        var two = await tenant.Connector.SearchAsync(Contacts, "OrgNr", [SyncValue.From("111"), SyncValue.From("333"), SyncValue.From("999")], CancellationToken.None);
        var byName = await tenant.Connector.SearchAsync(Contacts, "Name", [SyncValue.From("o'neill")], CancellationToken.None);
        var none = await tenant.Connector.SearchAsync(Contacts, "OrgNr", [SyncValue.From("999")], CancellationToken.None);

        Assert.Equal(["Acme", "O'Neill"], two.Select(r => r["Name"].AsString()).Order());
        Assert.Equal("333", Assert.Single(byName)["OrgNr"].AsString());
        Assert.Empty(none);
        Assert.Equal(3, tenant.Emulator.CallCount(SuperOfficeEndpoint.Archive));
    }

    [Fact]
    public async Task Writes_go_one_entity_a_call_and_a_delete_of_an_entity_already_gone_succeeds()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var creates = Enumerable.Range(0, 3).Select(i => new RemoteCreate(new SyncRecord("Contact") { ["Name"] = SyncValue.From($"New {i}") }, $"k{i}")).ToList();

        var created = await tenant.Connector.CreateAsync(Contacts, creates, CancellationToken.None);
        var ids = created.Select(r => int.Parse(r.Id!, CultureInfo.InvariantCulture)).ToList();
        var updated = await tenant.Connector.UpdateAsync(Contacts, [.. created.Skip(1).Select(r => new SyncRecord("Contact", r.Id) { ["OrgNr"] = SyncValue.From("42") })], CancellationToken.None);
        tenant.Emulator.Delete("Contact", ids[0]);
        var deleted = await tenant.Connector.DeleteAsync(Contacts, [Text(ids[0]), Text(ids[1])], CancellationToken.None);

        Assert.All(created.Concat(updated).Concat(deleted), r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Equal(SuperOfficeConnection.Start, created[0].ModifiedAt);
        Assert.Equal(3, tenant.Emulator.CallCount(SuperOfficeEndpoint.Create));
        Assert.Equal(2, tenant.Emulator.CallCount(SuperOfficeEndpoint.Patch));
        Assert.Equal(2, tenant.Emulator.CallCount(SuperOfficeEndpoint.Delete));
        Assert.Equal("42", (string)tenant.Emulator.GetRecord("Contact", ids[2])!["OrgNr"]!);
        Assert.Null(tenant.Emulator.GetRecord("Contact", ids[1]));
    }

    [Fact]
    public async Task A_refused_entity_fails_with_superoffice_error_type_and_field_while_the_others_are_written()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var persons = new FieldListMapper("SuperOffice", "Person", "Firstname", "Contact");
        var acme = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Acme" }, T0);
        SyncRecord Person(string name, int contact) => new("Person") { ["Firstname"] = SyncValue.From(name), ["Contact"] = SyncValue.From(contact) };

        var results = await tenant.Connector.CreateAsync(persons, [new(Person("Ann", acme), "a"), new(Person("Bob", 99999), "b"), new(Person("Cid", acme), "c")], CancellationToken.None);
        var missing = Assert.Single(await tenant.Connector.UpdateAsync(persons, [new SyncRecord("Person", "424242") { ["Firstname"] = SyncValue.From("X") }], CancellationToken.None));

        Assert.True(results[0].Succeeded, results[0].Error?.ToString());
        Assert.True(results[2].Succeeded);
        Assert.Equal("SoValidationException", results[1].Error!.Code);
        Assert.Equal(["Contact"], results[1].Error!.Fields);
        Assert.Contains("99999", results[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(2, tenant.Emulator.GetRecords("Person").Count);
        Assert.Equal("SoNotFoundException", missing.Error!.Code);
        Assert.Equal("424242", missing.Id);
    }

    [Fact]
    public async Task Api_calls_are_counted_at_the_wire_without_the_sign_in()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Acme" }, T0);

        await tenant.Connector.ReadChangesAsync(Contacts, null, CancellationToken.None).ToListAsync();
        await tenant.Connector.GetAsync(Contacts, "1", CancellationToken.None);

        Assert.Equal(2, tenant.Connector.ApiCalls);
        Assert.Equal(1, tenant.Emulator.CallCount(SuperOfficeEndpoint.Archive));
        Assert.Equal(1, tenant.Emulator.CallCount(SuperOfficeEndpoint.Retrieve));
        Assert.IsType<SuperOfficeSyncConnector>(tenant.Connector);
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
