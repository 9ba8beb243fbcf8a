using System.Text.Json.Nodes;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>The Salesforce connector's reads against the emulated org: paging, cursors, typing, faults.</summary>
public class SalesforceReadTests
{
    private static readonly DateTimeOffset Noon = new(2024, 9, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Thousands_of_records_stream_through_the_fewest_calls_paging_allows()
    {
        await using var org = await SalesforceOrg.StartAsync();
        for (var i = 0; i < 5000; i++)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"Product {i:D4}", ["ProductCode"] = $"P-{i:D4}" }, Noon.AddSeconds(i));
        }

        var records = await org.Client.GetChangesAsync("Product2", ["Name", "ProductCode"], since: null, afterId: null).ToListAsync();

        Assert.Equal(5000, records.Count);
        Assert.Equal(5000, records.Select(r => r.Id).Distinct().Count());
        Assert.Equal("P-4999", records[^1]["ProductCode"].AsString());
        Assert.Equal(1, org.Emulator.CallCount(SalesforceEndpoint.Query));
        Assert.Equal(2, org.Emulator.CallCount(SalesforceEndpoint.QueryMore));
        Assert.Equal(1, org.Emulator.CallCount(SalesforceEndpoint.Describe));
        Assert.Equal(1, org.Emulator.CallCount(SalesforceEndpoint.Token));
    }

    [Fact]
    public async Task Values_are_typed_by_the_describe_types()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme", ["AnnualRevenue"] = 1250000.5 }, Noon);
        org.Emulator.Seed("Order", new JsonObject { ["AccountId"] = account, ["EffectiveDate"] = "2024-09-10", ["Status"] = "Draft" }, Noon);

        var order = await org.Client.GetChangesAsync("Order", ["AccountId", "EffectiveDate", "Status", "TotalAmount"], null, null).SingleAsync();
        var acme = await org.Client.GetChangesAsync("Account", ["AnnualRevenue"], null, null).SingleAsync();

        Assert.Equal(SyncValueKind.Date, order["EffectiveDate"].Kind);
        Assert.Equal(new DateOnly(2024, 9, 10), order["EffectiveDate"].AsDateOnly());
        Assert.Equal(Noon, order.ModifiedAt);
        Assert.Equal(account, order["AccountId"].AsString());
        Assert.Equal(1250000.5m, acme["AnnualRevenue"].AsDecimal());
        Assert.Equal("Order", order.Type);
    }

    [Fact]
    public async Task A_cursor_inside_a_run_of_equal_timestamps_resumes_exactly_after_the_last_record_read()
    {
        await using var org = await SalesforceOrg.StartAsync();
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Before" }, Noon.AddSeconds(-1));
        for (var i = 0; i < 2500; i++)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"Same second {i}" }, Noon);
        }

        var all = await org.Client.GetChangesAsync("Product2", ["Name"], Noon.AddSeconds(-1), afterId: null).ToListAsync();
        var firstPage = all.Take(2000).ToList();
        var resumed = await org.Client.GetChangesAsync("Product2", ["Name"], firstPage[^1].ModifiedAt, firstPage[^1].Id).ToListAsync();

        Assert.Equal(2500, all.Count);
        Assert.Equal(500, resumed.Count);
        Assert.Empty(firstPage.Select(r => r.Id).Intersect(resumed.Select(r => r.Id)));
        Assert.Equal(all.Skip(2000).Select(r => r.Id), resumed.Select(r => r.Id));
    }

    [Fact]
    public async Task A_429_storm_is_waited_out_as_Retry_After_asks()
    {
        await using var org = await SalesforceOrg.StartAsync();
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Hammer" }, Noon);
        org.Emulator.Inject(SalesforceFault.TooManyRequests(TimeSpan.FromMilliseconds(20)).On(SalesforceEndpoint.Query).Times(4));

        var records = await org.Client.GetChangesAsync("Product2", ["Name"], null, null).ToListAsync();

        Assert.Single(records);
        Assert.Equal(5, org.Emulator.CallCount(SalesforceEndpoint.Query));
    }

    [Fact]
    public async Task A_token_that_expires_mid_run_is_replaced_and_the_run_goes_on()
    {
        await using var org = await SalesforceOrg.StartAsync();
        for (var i = 0; i < 4500; i++)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"P{i}" }, Noon.AddSeconds(i));
        }

        var count = 0;
        await foreach (var _ in org.Client.GetChangesAsync("Product2", ["Name"], null, null))
        {
            if (++count == 1)
            {
                org.Emulator.ExpireAccessTokens();
            }
        }

        Assert.Equal(4500, count);
        Assert.Equal(2, org.Emulator.CallCount(SalesforceEndpoint.Token));
    }

    [Fact]
    public async Task A_page_answered_with_a_malformed_body_is_asked_for_again_and_arrives()
    {
        await using var org = await SalesforceOrg.StartAsync();
        for (var i = 0; i < 4500; i++)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"P{i}" }, Noon.AddSeconds(i));
        }

        org.Emulator.Inject(SalesforceFault.MalformedBody().On(SalesforceEndpoint.Query));
        org.Emulator.Inject(SalesforceFault.MalformedBody().On(SalesforceEndpoint.QueryMore).Times(2));

        var records = await org.Client.GetChangesAsync("Product2", ["Name"], null, null).ToListAsync();

        Assert.Equal(4500, records.Select(r => r.Id).Distinct().Count());
        Assert.Equal(2, org.Emulator.CallCount(SalesforceEndpoint.Query));
        Assert.Equal(2 + 2, org.Emulator.CallCount(SalesforceEndpoint.QueryMore));
    }

    [Fact]
    public async Task A_body_malformed_on_every_try_fails_the_call_with_a_clear_error()
    {
        await using var org = await SalesforceOrg.StartAsync();
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Hammer" }, Noon);
        await org.Client.DescribeAsync("Product2");
        org.Emulator.Inject(SalesforceFault.MalformedBody().On(SalesforceEndpoint.Query).Times(1 + new SalesforceOptions().MaxRetries));

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => org.Client.GetChangesAsync("Product2", ["Name"], null, null).ToListAsync().AsTask());

        Assert.Equal("MALFORMED_RESPONSE", error.ErrorCode);
    }

    [Fact]
    public async Task A_refused_query_carries_the_salesforce_error_code()
    {
        await using var org = await SalesforceOrg.StartAsync();

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => org.Client.GetChangesAsync("Product2", ["Colour__c"], null, null).ToListAsync().AsTask());

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Status);
        Assert.Contains("Colour__c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_say_reauthorisation_is_needed_and_never_show_the_secret()
    {
        const string secret = "wrong-secret-that-must-not-leak";
        await using var org = await SalesforceOrg.StartAsync(clientSecret: secret);

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => org.Client.DescribeAsync("Product2"));

        Assert.True(error.NeedsReauthorization);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_object_the_org_lacks_is_named_with_the_catalog_to_check()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var mapper = new FieldListMapper("Salesforce", "Project__c", "Name");

        var error = await Assert.ThrowsAsync<SalesforceApiException>(async () => await org.Connector.ReadChangesAsync(mapper, null, default).ToListAsync());

        Assert.StartsWith("The Salesforce org has no sObject type 'Project__c' (its describe answered 404 NOT_FOUND: The requested resource does not exist).", error.Message, StringComparison.Ordinal);
        Assert.Contains("catalog (*.catalog.json)", error.Message, StringComparison.Ordinal);
        Assert.Equal("NOT_FOUND", error.ErrorCode);
        Assert.Equal("The requested resource does not exist", error.RemoteMessage);
    }

    [Fact]
    public async Task A_custom_object_of_the_orgs_catalog_reads_like_a_standard_one()
    {
        const string catalog = """
            { "system": "Salesforce", "objects": [ { "name": "Project__c", "createable": true, "updateable": true, "deletable": true, "fields": [
              { "name": "Budget__c", "type": "currency", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false }
            ] } ] }
            """;
        await using var org = await SalesforceOrg.StartAsync(_ => { }, emulator: o => o.Catalogs.Add(catalog));
        org.Emulator.Seed("Project__c", new JsonObject { ["Name"] = "Fjord bridge", ["Budget__c"] = 125000.0 }, Noon);

        var project = await org.Client.GetChangesAsync("Project__c", ["Name", "Budget__c"], null, null).SingleAsync();

        Assert.Equal("Fjord bridge", project["Name"].AsString());
        Assert.Equal(125000m, project["Budget__c"].AsDecimal());
        Assert.StartsWith("a00", project.Id, StringComparison.Ordinal);
    }
}
