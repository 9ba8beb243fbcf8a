using System.Text.Json.Nodes;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>Change reads through the archive list and single reads, with catalog-form typed values.</summary>
public class SuperOfficeReadTests
{
    private static readonly DateTimeOffset T0 = new(2024, 9, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pages_with_equal_updated_times_at_the_edges_return_each_record_once_in_order()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync(pageSize: 3);
        var expected = new List<(DateTimeOffset, int)>();
        // 2 at T0, 5 at T0+1s (straddling two page edges), 2 at T0+2s; seeded out of id order per time.
        foreach (var (offset, count) in new[] { (2, 2), (1, 5), (0, 2) })
        {
            for (var i = 0; i < count; i++)
            {
                var at = T0.AddSeconds(offset);
                expected.Add((at, tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = $"C{offset}-{i}" }, at)));
            }
        }

        var read = await tenant.Client.ReadChangesAsync(SuperOfficeEntity.Contact, null).ToListAsync();

        Assert.Equal([.. expected.OrderBy(e => e.Item1).ThenBy(e => e.Item2).Select(e => e.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture))], read.Select(r => r.Id));
        Assert.Equal(expected.OrderBy(e => e.Item1).ThenBy(e => e.Item2).Select(e => (DateTimeOffset?)e.Item1), read.Select(r => r.ModifiedAt));
        Assert.Equal(4, tenant.Emulator.CallCount(SuperOfficeEndpoint.Archive)); // 3 + 3 + 3 + an empty last page
    }

    [Fact]
    public async Task A_cursor_reads_only_records_updated_since_then()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync(pageSize: 2);
        tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "old" }, T0);
        var edited = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "edited" }, T0);
        var fresh = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "new" }, T0.AddHours(2));
        tenant.Emulator.Edit("Contact", edited, new JsonObject { ["Name"] = "edited twice" }, T0.AddHours(1));

        var read = await tenant.Client.ReadChangesAsync(SuperOfficeEntity.Contact, T0.AddMinutes(30), ["Name"]).ToListAsync();

        Assert.Equal([edited.ToString(System.Globalization.CultureInfo.InvariantCulture), fresh.ToString(System.Globalization.CultureInfo.InvariantCulture)], read.Select(r => r.Id));
        Assert.Equal("edited twice", read[0]["Name"].AsString());
        Assert.Equal(T0.AddHours(1), read[0].ModifiedAt);
    }

    [Fact]
    public async Task Archive_rows_carry_catalog_names_and_ints_with_empty_ids_as_null()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var contact = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Acme", ["Country"] = 578 }, T0);
        tenant.Emulator.Seed("Person", new JsonObject { ["Firstname"] = "Kari", ["Contact"] = contact }, T0);

        var person = Assert.Single(await tenant.Client.ReadChangesAsync(SuperOfficeEntity.Person, null).ToListAsync());
        var company = Assert.Single(await tenant.Client.ReadChangesAsync(SuperOfficeEntity.Contact, null, ["Name", "Country", "Category"]).ToListAsync());

        Assert.Equal(contact, person["Contact"].AsInt32());
        Assert.Equal(826, person["Country"].AsInt32()); // the user's home country, defaulted on insert
        Assert.True(person["Position"].IsNull);
        Assert.Equal("Kari", person["Firstname"].AsString());
        Assert.Equal(578, company["Country"].AsInt32());
        Assert.True(company["Category"].IsNull);
        Assert.Equal(SyncValueKind.DateTime, company["UpdatedDate"].Kind);
    }

    [Fact]
    public async Task An_entity_maps_nested_ids_to_ints_and_offset_dates_to_utc()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Plus2", TimeSpan.FromHours(2), "Plus2", "Plus2");
        await using var tenant = await SuperOfficeConnection.StartAsync(options => options.TimeZone = zone);
        var contact = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Acme", ["Country"] = 578, ["Category"] = 3 }, T0);
        var id = tenant.Emulator.Seed("Person", new JsonObject
        {
            ["Firstname"] = "Kari",
            ["Contact"] = contact,
            ["Country"] = 826,
            ["BirthDate"] = "1980-05-17T00:00:00Z",
            ["Emails"] = new JsonArray(new JsonObject { ["Value"] = "kari@acme.test" }),
            ["Retired"] = false,
        }, T0);

        var person = await tenant.Client.GetAsync(SuperOfficeEntity.Person, id);
        var company = await tenant.Client.GetAsync(SuperOfficeEntity.Contact, contact);

        Assert.NotNull(person);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), person.Id);
        Assert.Equal(contact, person["Contact"].AsInt32());
        Assert.Equal(826, person["Country"].AsInt32());
        Assert.Equal(T0, person.ModifiedAt);
        Assert.Equal(TimeSpan.Zero, person["UpdatedDate"].AsDateTimeOffset()!.Value.Offset);
        Assert.Equal(new DateTimeOffset(1980, 5, 17, 0, 0, 0, TimeSpan.Zero), person["BirthDate"].AsDateTimeOffset());
        Assert.Equal("kari@acme.test", Assert.Single(person["Emails"].AsRecords()!)["Value"].AsString());
        Assert.False(person["Retired"].AsBoolean());
        Assert.Equal(578, company!["Country"].AsInt32());
        Assert.Equal(3, company["Category"].AsInt32());
        Assert.True(company["Business"].IsNull);
        Assert.False(company.Contains("FieldProperties"));
    }

    [Fact]
    public async Task A_throttled_page_is_retried_after_retry_after()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Acme" }, T0);
        tenant.Emulator.Inject(SuperOfficeFault.TooManyRequests(TimeSpan.FromSeconds(7)).On(SuperOfficeEndpoint.Archive));

        var read = await tenant.Client.ReadChangesAsync(SuperOfficeEntity.Contact, null).ToListAsync();

        Assert.Single(read);
        Assert.Equal(2, tenant.Emulator.CallCount(SuperOfficeEndpoint.Archive));
        Assert.Equal(TimeSpan.FromSeconds(7), tenant.Clock.Waited);
    }
}
