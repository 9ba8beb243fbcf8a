using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>Create, merge-patch update and delete with catalog-form records; SuperOffice's errors as typed exceptions.</summary>
public class SuperOfficeWriteTests
{
    [Fact]
    public async Task Create_update_and_delete_round_trip()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var record = new SyncRecord("Contact")
        {
            ["Name"] = SyncValue.From("Acme AS"),
            ["OrgNr"] = SyncValue.From("987654321"),
            ["Country"] = SyncValue.From(578),
            ["Category"] = SyncValue.From(2),
            ["Emails"] = SyncValue.From("post@acme.test"),
        };

        var created = await tenant.Client.CreateAsync(SuperOfficeEntity.Contact, record);

        var id = int.Parse(created.Id!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(created.Id, record.Id);
        Assert.Equal(578, created["Country"].AsInt32());
        Assert.Equal(SuperOfficeConnection.Start, created.ModifiedAt);
        var stored = tenant.Emulator.GetRecord("Contact", id)!;
        Assert.Equal(578, (int)stored["Country"]!);
        Assert.Equal(2, (int)stored["Category"]!);
        Assert.Equal("post@acme.test", (string)stored["Emails"]![0]!["Value"]!);

        tenant.Clock.Advance(TimeSpan.FromMinutes(5));
        var updated = await tenant.Client.UpdateAsync(SuperOfficeEntity.Contact, new SyncRecord("Contact", created.Id)
        {
            ["Name"] = SyncValue.From("Acme Holding AS"),
            ["Country"] = SyncValue.From(826),
            ["Category"] = SyncValue.Null,
        });

        Assert.Equal("Acme Holding AS", updated["Name"].AsString());
        Assert.Equal(826, updated["Country"].AsInt32());
        Assert.True(updated["Category"].IsNull);
        Assert.Equal("987654321", updated["OrgNr"].AsString()); // left out of the patch: kept
        Assert.Equal(SuperOfficeConnection.Start.AddMinutes(5), updated.ModifiedAt);
        Assert.Equal(1, tenant.Emulator.CallCount(SuperOfficeEndpoint.Patch));

        Assert.True(await tenant.Client.DeleteAsync(SuperOfficeEntity.Contact, id));
        Assert.False(await tenant.Client.DeleteAsync(SuperOfficeEntity.Contact, id));
        Assert.Null(await tenant.Client.GetAsync(SuperOfficeEntity.Contact, id));
        Assert.Null(tenant.Emulator.GetRecord("Contact", id));
    }

    [Fact]
    public async Task A_sale_is_written_with_its_carriers_as_nested_ids()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var contact = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Acme" });
        var saledate = new DateTimeOffset(2024, 10, 1, 9, 30, 0, TimeSpan.FromHours(2));

        var sale = await tenant.Client.CreateAsync(SuperOfficeEntity.Sale, new SyncRecord("Sale")
        {
            ["Heading"] = SyncValue.From("Big deal"),
            ["Contact"] = SyncValue.From(contact),
            ["Amount"] = SyncValue.From(1250.5m),
            ["Saledate"] = SyncValue.From(saledate),
        });

        Assert.Equal(contact, sale["Contact"].AsInt32());
        Assert.Equal(1250.5m, sale["Amount"].AsDecimal());
        Assert.Equal(saledate, sale["Saledate"].AsDateTimeOffset());
        Assert.Equal(contact, (int)tenant.Emulator.GetRecord("Sale", int.Parse(sale.Id!, System.Globalization.CultureInfo.InvariantCulture))!["Contact"]!);
    }

    [Fact]
    public async Task A_validation_error_is_a_typed_exception_carrying_the_record()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();

        var error = await Assert.ThrowsAsync<SuperOfficeApiException>(() => tenant.Client.CreateAsync(SuperOfficeEntity.Person, new SyncRecord("Person")
        {
            ["Firstname"] = SyncValue.From("Kari"),
            ["Contact"] = SyncValue.From(99999),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("SoValidationException", error.ErrorCode);
        Assert.Contains("99999", error.RemoteMessage, StringComparison.Ordinal);
        Assert.Equal("Person", error.RecordType);
        Assert.Equal(1, tenant.Emulator.CallCount(SuperOfficeEndpoint.Create));
    }

    [Fact]
    public async Task Updating_a_missing_entity_is_a_typed_not_found()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();

        var error = await Assert.ThrowsAsync<SuperOfficeApiException>(() => tenant.Client.UpdateAsync(SuperOfficeEntity.Contact, new SyncRecord("Contact", "99999") { ["Name"] = SyncValue.From("x") }));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Equal("SoNotFoundException", error.ErrorCode);
        Assert.Equal("Contact id 99999 not found", error.RemoteMessage);
        Assert.Equal("99999", error.RecordId);
        Assert.Contains("Contact", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_on_an_update_is_retried_but_not_on_a_create()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var id = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Acme" });
        tenant.Emulator.Inject(SuperOfficeFault.ServerError(503).On(SuperOfficeEndpoint.Patch));

        var updated = await tenant.Client.UpdateAsync(SuperOfficeEntity.Contact, new SyncRecord("Contact", id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { ["Name"] = SyncValue.From("Acme 2") });

        Assert.Equal("Acme 2", updated["Name"].AsString());
        Assert.Equal(2, tenant.Emulator.CallCount(SuperOfficeEndpoint.Patch));

        tenant.Emulator.Inject(SuperOfficeFault.ServerError().On(SuperOfficeEndpoint.Create));
        var error = await Assert.ThrowsAsync<SuperOfficeApiException>(() => tenant.Client.CreateAsync(SuperOfficeEntity.Contact, new SyncRecord("Contact") { ["Name"] = SyncValue.From("Beta") }));
        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(1, tenant.Emulator.CallCount(SuperOfficeEndpoint.Create));
    }
}
