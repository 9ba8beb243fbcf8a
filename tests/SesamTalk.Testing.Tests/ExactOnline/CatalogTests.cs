using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Testing.Tests.ExactOnline;

/// <summary>Extra catalogs: properties Exact added after the standard catalog's snapshot (reference B8, e.g. PeppolIdentifier).</summary>
public sealed class CatalogTests
{
    private const string Extra = """
        { "system": "ExactOnline", "objects": [ { "name": "Accounts", "createable": true, "updateable": true, "deletable": true, "fields": [
          { "name": "PeppolIdentifier", "type": "string", "length": 100, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false }
        ] } ] }
        """;

    [Fact]
    public async Task AnExtraCatalogAddsPropertiesToAnEntitySet()
    {
        await using var division = await TestDivision.StartAsync(o => o.Catalogs.Add(Extra));

        var created = await division.CreateAsync("crm/Accounts", new JsonObject { ["Name"] = "Albex", ["PeppolIdentifier"] = "0106:12345678" });
        var read = await division.GetAsync($"{division.Root}/crm/Accounts?$select=Name,PeppolIdentifier");

        Assert.Equal("0106:12345678", (string)created["PeppolIdentifier"]!);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("0106:12345678", (string)read.Results[0]!["PeppolIdentifier"]!);
    }

    [Fact]
    public async Task WithoutItThePropertyIsUnknown()
    {
        await using var division = await TestDivision.StartAsync();

        var reply = await division.PostAsync($"{division.Root}/crm/Accounts", new JsonObject { ["Name"] = "Albex", ["PeppolIdentifier"] = "0106:12345678" });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task AnExtraCatalogCannotAddAnEntitySetTheEmulatorDoesNotServe()
    {
        var options = new ExactOnlineEmulatorOptions();
        options.Catalogs.Add("""{ "system": "ExactOnline", "objects": [ { "name": "Projects", "createable": true, "updateable": true, "deletable": true, "fields": [] } ] }""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ExactOnlineEmulator.StartAsync(options));

        Assert.StartsWith("ExactOnlineEmulatorOptions.Catalogs: 'Projects' is no entity set the emulator serves", error.Message, StringComparison.Ordinal);
    }
}
