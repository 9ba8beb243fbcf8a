using System.Text.Json.Nodes;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>The Salesforce connector's writes against the emulated org: batching, per-record errors, wire formats, faults.</summary>
public class SalesforceWriteTests
{
    private static SyncRecord Product(int i) => new("Product2")
    {
        ["Name"] = SyncValue.From($"Product {i:D3}"),
        ["ProductCode"] = SyncValue.From($"P-{i:D3}"),
        ["IsActive"] = SyncValue.From(true),
    };

    [Fact]
    public async Task Creates_go_200_a_call_and_every_record_gets_its_id()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var records = Enumerable.Range(0, 450).Select(Product).ToList();

        var results = await org.Client.CreateAsync(records);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal(3, org.Emulator.CallCount(SalesforceEndpoint.CollectionCreate));
        Assert.Equal(450, org.Emulator.GetRecords("Product2").Count);
        Assert.All(records, r => Assert.StartsWith("01t", r.Id, StringComparison.Ordinal));
        Assert.Equal("P-449", org.Emulator.GetRecord(records[449].Id!)!["ProductCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task One_bad_record_is_refused_with_its_code_and_field_while_the_others_are_written()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var bad = new SyncRecord("Product2") { ["ProductCode"] = SyncValue.From("NO-NAME") };
        var records = new[] { Product(1), bad, Product(2) };

        var results = await org.Client.CreateAsync(records);

        Assert.True(results[0].Succeeded);
        Assert.True(results[2].Succeeded);
        var error = Assert.IsType<SalesforceApiException>(results[1].Error);
        Assert.Equal("REQUIRED_FIELD_MISSING", error.ErrorCode);
        Assert.Contains("Name", error.Fields);
        Assert.Null(bad.Id);
        Assert.Equal(2, org.Emulator.GetRecords("Product2").Count);
    }

    [Fact]
    public async Task Updates_and_deletes_write_in_salesforce_wire_formats()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme" });
        var order = org.Emulator.Seed("Order", new JsonObject { ["AccountId"] = account, ["EffectiveDate"] = "2024-09-10", ["Status"] = "Draft" });

        var update = new SyncRecord("Order", order) { ["EffectiveDate"] = SyncValue.From(new DateOnly(2024, 10, 1)), ["Description"] = SyncValue.Null };
        var updated = await org.Client.UpdateAsync([update]);
        var deleted = await org.Client.DeleteAsync([order, "8015g00000ZZZZZAAA"]);

        Assert.True(updated[0].Succeeded, updated[0].Error?.Message);
        Assert.True(deleted[0].Succeeded);
        Assert.False(deleted[1].Succeeded);
        Assert.True(org.Emulator.IsDeleted(order));
    }

    [Fact]
    public async Task A_throttled_create_is_retried_because_429_means_nothing_was_written()
    {
        await using var org = await SalesforceOrg.StartAsync();
        org.Emulator.Inject(SalesforceFault.TooManyRequests(TimeSpan.FromMilliseconds(20)).On(SalesforceEndpoint.CollectionCreate).Times(2));

        var results = await org.Client.CreateAsync([Product(1)]);

        Assert.True(results[0].Succeeded);
        Assert.Single(org.Emulator.GetRecords("Product2"));
        Assert.Equal(3, org.Emulator.CallCount(SalesforceEndpoint.CollectionCreate));
    }

    [Fact]
    public async Task A_create_whose_response_is_lost_is_not_repeated_so_no_duplicate_is_made()
    {
        await using var org = await SalesforceOrg.StartAsync();
        org.Emulator.Inject(SalesforceFault.LoseResponse().On(SalesforceEndpoint.CollectionCreate));

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => org.Client.CreateAsync([Product(1)]));

        Assert.Single(org.Emulator.GetRecords("Product2"));
        Assert.Equal(1, org.Emulator.CallCount(SalesforceEndpoint.CollectionCreate));
    }
}
