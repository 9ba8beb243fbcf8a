using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

public sealed class FaultTests
{
    private static readonly JsonObject Widget = new() { ["Name"] = "Widget" };

    [Fact]
    public async Task TooManyRequestsCarriesRetryAfterAndDoesNotProcess()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Inject(SalesforceFault.TooManyRequests(TimeSpan.FromSeconds(7)).On(SalesforceEndpoint.Create));

        var limited = await org.PostAsync($"{V}/sobjects/Product2", Widget);
        var next = await org.PostAsync($"{V}/sobjects/Product2", Widget);

        Assert.Equal((HttpStatusCode)429, limited.Status);
        Assert.Equal("7", limited.Headers["Retry-After"]);
        Assert.Equal(HttpStatusCode.Created, next.Status);
        Assert.Single(org.Emulator.GetRecords("Product2"));
    }

    [Fact]
    public async Task ServiceUnavailableAndServerErrorsRepeatAsAsked()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Inject(SalesforceFault.ServiceUnavailable(TimeSpan.FromSeconds(2)).Times(2));
        org.Emulator.Inject(SalesforceFault.ServerError(502));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await org.GetAsync($"{V}/limits")).Status);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.OK], statuses);
        Assert.Equal(4, org.Emulator.CallCount(SalesforceEndpoint.Limits));
    }

    [Fact]
    public async Task ServerErrorHasSalesforceBody()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Inject(SalesforceFault.ServerError());

        var reply = await org.GetAsync($"{V}/limits");

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("UNKNOWN_EXCEPTION", reply.ErrorCode);
    }

    [Fact]
    public async Task SlowResponseArrivesLate()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Inject(SalesforceFault.Slow(TimeSpan.FromMilliseconds(400)));
        var watch = Stopwatch.StartNew();

        var reply = await org.PostAsync($"{V}/sobjects/Product2", Widget);

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task LostResponseStillCommitsTheWrite()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Inject(SalesforceFault.LoseResponse().On(SalesforceEndpoint.Create));

        await Assert.ThrowsAsync<HttpRequestException>(() => org.PostAsync($"{V}/sobjects/Product2", Widget));

        Assert.Equal("Widget", (string)Assert.Single(org.Emulator.GetRecords("Product2"))["Name"]!);
    }

    [Fact]
    public async Task MalformedBodyStillCommitsTheWrite()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Inject(SalesforceFault.MalformedBody());

        await Assert.ThrowsAnyAsync<JsonException>(() => org.PostAsync($"{V}/sobjects/Product2", Widget));

        Assert.Single(org.Emulator.GetRecords("Product2"));
    }

    [Fact]
    public async Task ExpiredSessionNeedsANewToken()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Inject(SalesforceFault.ExpireSession().On(SalesforceEndpoint.Query));

        var limits = await org.GetAsync($"{V}/limits");
        var query = await org.GetAsync($"{V}/query?q=SELECT+Id+FROM+Product2");
        var after = await org.GetAsync($"{V}/limits");
        org.Http.DefaultRequestHeaders.Authorization = new("Bearer", org.Emulator.IssueAccessToken());
        var renewed = await org.GetAsync($"{V}/limits");

        Assert.Equal(HttpStatusCode.OK, limits.Status);
        Assert.Equal("INVALID_SESSION_ID", query.ErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
    }

    [Fact]
    public async Task DailyLimitGivesRequestLimitExceeded()
    {
        await using var org = await TestOrg.StartAsync(o => o.DailyApiLimit = 100);
        org.Emulator.SetApiUsage(99);

        var last = await org.GetAsync($"{V}/limits");
        var over = await org.GetAsync($"{V}/limits");

        Assert.Equal("api-usage=100/100", last.Headers["Sforce-Limit-Info"]);
        Assert.Equal(0, (int)last.Body!["DailyApiRequests"]!["Remaining"]!);
        Assert.Equal(HttpStatusCode.Forbidden, over.Status);
        over.AssertBody("""[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""");
        Assert.Equal("api-usage=100/100", over.Headers["Sforce-Limit-Info"]);
    }

    [Fact]
    public async Task EveryApiResponseReportsUsageAndCallsAreCountedPerEndpoint()
    {
        await using var org = await TestOrg.StartAsync();

        var first = await org.PostAsync($"{V}/sobjects/Product2", Widget);
        var id = (string)first.Body!["id"]!;
        var read = await org.GetAsync($"{V}/sobjects/Product2/{id}");
        var error = await org.GetAsync($"{V}/sobjects/Product2/bogus");
        await org.PatchAsync($"{V}/sobjects/Product2/{id}", new JsonObject { ["Name"] = "x" });

        Assert.Equal("api-usage=1/15000", first.Headers["Sforce-Limit-Info"]);
        Assert.Equal("api-usage=2/15000", read.Headers["Sforce-Limit-Info"]);
        Assert.Equal("api-usage=3/15000", error.Headers["Sforce-Limit-Info"]);
        Assert.Equal(
            new Dictionary<SalesforceEndpoint, int> { [SalesforceEndpoint.Create] = 1, [SalesforceEndpoint.Retrieve] = 2, [SalesforceEndpoint.Update] = 1 },
            org.Emulator.CallCounts);
        org.Emulator.ResetCallCounts();
        Assert.Empty(org.Emulator.CallCounts);
        Assert.Equal(4, org.Emulator.ApiUsage);
    }
}
