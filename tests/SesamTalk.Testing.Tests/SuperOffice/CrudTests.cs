using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Testing.Tests.SuperOffice;

public sealed class CrudTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 8, 13, 28, 27, 210, TimeSpan.Zero);

    /// <summary>A fixed UTC+1 zone, like a Norwegian tenant in winter.</summary>
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.CreateCustomTimeZone("CET test", TimeSpan.FromHours(1), "CET", "CET");

    [Fact]
    public async Task ContactRoundTripsWithNestedListItemsAndElements()
    {
        await using var tenant = await TestTenant.StartAsync(o => o.TimeZone = Oslo, new ManualClock(Now));

        var created = await tenant.CreateAsync("Contact", new JsonObject
        {
            ["Name"] = "Albex AS",
            ["OrgNr"] = "NO 912 345 678",
            ["Country"] = new JsonObject { ["CountryId"] = 578, ["Name"] = "Norway" },
            ["Business"] = new JsonObject { ["Id"] = 3 },
            ["Phones"] = new JsonArray(new JsonObject { ["Value"] = "+47 22 33 44 55", ["Description"] = "Switchboard" }),
        });
        var id = (int)created["ContactId"]!;
        var read = await tenant.GetAsync($"{tenant.Root}/Contact/{id}");

        Assert.Equal(1, id);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(578, (int)read.Body!["Country"]!["CountryId"]!);
        Assert.Equal(3, (int)read.Body["Business"]!["Id"]!);
        Assert.Null(read.Body["Category"]);
        Assert.Equal(5, (int)read.Body["Associate"]!["AssociateId"]!);
        Assert.Equal("+4722334455", (string)read.Body["Phones"]![0]!["StrippedValue"]!);
        Assert.Equal("2024-03-08T14:28:27.2100000+01:00", (string)read.Body["UpdatedDate"]!);
        Assert.Equal("Fri, 08 Mar 2024 13:28:27 GMT", read.Headers["Last-Modified"]);
        var stored = tenant.Emulator.GetRecord("Contact", id)!;
        Assert.Equal(578, (int)stored["Country"]!);
        Assert.Equal(3, (int)stored["Business"]!);
    }

    [Fact]
    public async Task PutReplacesTheWholeEntityAndPatchOnlyWhatItNames()
    {
        var clock = new ManualClock(Now);
        await using var tenant = await TestTenant.StartAsync(clock: clock);
        var id = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Albex", ["Department"] = "Sales", ["Category"] = 2 });
        clock.Advance(TimeSpan.FromMinutes(1));

        var put = await tenant.PutAsync($"{tenant.Root}/Contact/{id}", new JsonObject { ["Name"] = "Albex AS", ["ContactId"] = 77, ["UpdatedDate"] = "1999-01-01" });
        var merge = await tenant.PatchAsync($"{tenant.Root}/Contact/{id}", new JsonObject { ["Department"] = "Support" });
        var patch = await tenant.PatchAsync($"{tenant.Root}/Contact/{id}", JsonNode.Parse("""
            [{"op":"replace","path":"/Category/Id","value":4},{"op":"remove","path":"/Department"}]
            """)!);

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal(id, (int)put.Body!["ContactId"]!);
        Assert.Null(put.Body["Department"]);
        Assert.Null(put.Body["Category"]);
        Assert.Equal("Albex AS", (string)merge.Body!["Name"]!);
        Assert.Equal("Support", (string)merge.Body["Department"]!);
        Assert.Equal(HttpStatusCode.OK, patch.Status);
        var stored = tenant.Emulator.GetRecord("Contact", id)!;
        Assert.Equal(4, (int)stored["Category"]!);
        Assert.Null(stored["Department"]);
        Assert.Equal(Now.AddMinutes(1), DateTimeOffset.Parse((string)stored["UpdatedDate"]!, CultureInfo.InvariantCulture));
        Assert.Equal(Now, DateTimeOffset.Parse((string)stored["CreatedDate"]!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PersonBelongsToItsContactAndShowsInItsPersons()
    {
        await using var tenant = await TestTenant.StartAsync();
        var contact = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Albex" });

        var person = await tenant.CreateAsync("Person", new JsonObject
        {
            ["Firstname"] = "Kari", ["Lastname"] = "Nordmann", ["Contact"] = new JsonObject { ["ContactId"] = contact },
            ["Emails"] = new JsonArray(new JsonObject { ["Value"] = "kari@albex.no" }),
        });
        var company = await tenant.GetAsync($"{tenant.Root}/Contact/{contact}");

        Assert.Equal("Kari Nordmann", (string)person["FullName"]!);
        Assert.Equal(contact, (int)person["Contact"]!["ContactId"]!);
        var summary = Assert.Single(company.Body!["Persons"]!.AsArray())!;
        Assert.Equal((int)person["PersonId"]!, (int)summary["PersonId"]!);
        Assert.Equal("kari@albex.no", (string)summary["Email"]!);
    }

    [Fact]
    public async Task SaleCarriesItsContactPersonAndDefaults()
    {
        await using var tenant = await TestTenant.StartAsync(clock: new ManualClock(Now));
        var contact = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Albex" });
        var person = tenant.Emulator.Seed("Person", new JsonObject { ["Firstname"] = "Kari", ["Contact"] = contact });

        var sale = await tenant.CreateAsync("Sale", new JsonObject
        {
            ["Heading"] = "12 licenses", ["Amount"] = 12000.5,
            ["Contact"] = new JsonObject { ["ContactId"] = contact }, ["Person"] = new JsonObject { ["PersonId"] = person },
            ["Currency"] = new JsonObject { ["Id"] = 7 },
        });
        var deleted = await tenant.DeleteAsync($"{tenant.Root}/Sale/{sale["SaleId"]}");
        var gone = await tenant.GetAsync($"{tenant.Root}/Sale/{sale["SaleId"]}");

        Assert.Equal("Open", (string)sale["Status"]!);
        Assert.Equal(12000.5, (double)sale["Amount"]!);
        Assert.Equal(7, (int)sale["Currency"]!["Id"]!);
        Assert.Equal(person, (int)sale["Person"]!["PersonId"]!);
        Assert.Equal("2024-03-08T13:28:27.2100000+00:00", (string)sale["Saledate"]!);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Empty(tenant.Emulator.GetRecords("Sale"));
    }

    [Fact]
    public async Task DefaultEntityIsUnsavedWithServerDefaults()
    {
        await using var tenant = await TestTenant.StartAsync();

        var blank = await tenant.GetAsync($"{tenant.Root}/Contact/default");

        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Equal(0, (int)blank.Body!["ContactId"]!);
        Assert.Equal(826, (int)blank.Body["Country"]!["CountryId"]!);
        Assert.Empty(tenant.Emulator.GetRecords("Contact"));
    }

    [Fact]
    public async Task ConditionalRequestsUseTheUpdatedDate()
    {
        var clock = new ManualClock(Now);
        await using var tenant = await TestTenant.StartAsync(clock: clock);
        var id = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Albex" });
        var path = $"{tenant.Root}/Contact/{id}";
        var seen = (await tenant.GetAsync(path)).Headers["Last-Modified"];

        var unchanged = await tenant.GetAsync(path, ("If-Modified-Since", seen));
        clock.Advance(TimeSpan.FromSeconds(5));
        tenant.Emulator.Edit("Contact", id, new JsonObject { ["Department"] = "Changed by a user" });
        var changed = await tenant.GetAsync(path, ("If-Modified-Since", seen));
        var stale = await tenant.PutAsync(path, new JsonObject { ["Name"] = "Lost update" }, ("If-Unmodified-Since", seen));

        Assert.Equal(HttpStatusCode.NotModified, unchanged.Status);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal((HttpStatusCode)412, stale.Status);
        Assert.Equal("SoPreconditionFailedException", stale.ErrorType);
        Assert.Equal("Albex", (string)tenant.Emulator.GetRecord("Contact", id)!["Name"]!);
    }

    [Fact]
    public async Task CallsAreCountedByEndpoint()
    {
        await using var tenant = await TestTenant.StartAsync();
        var created = await tenant.CreateAsync("Contact", new JsonObject { ["Name"] = "Albex" });
        await tenant.GetAsync($"{tenant.Root}/Contact/{created["ContactId"]}");
        await tenant.GetAsync($"{tenant.Root}/Contact/{created["ContactId"]}");
        await tenant.GetAsync($"{tenant.Root}/Contact");

        Assert.Equal(1, tenant.Emulator.CallCount(SuperOfficeEndpoint.Create));
        Assert.Equal(2, tenant.Emulator.CallCounts[SuperOfficeEndpoint.Retrieve]);
        Assert.Equal(1, tenant.Emulator.CallCount(SuperOfficeEndpoint.Archive));
        tenant.Emulator.ResetCallCounts();
        Assert.Empty(tenant.Emulator.CallCounts);
    }
}
