using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Testing.Tests.SuperOffice;

public sealed class FaultTests
{
    private static readonly JsonObject Contact = new() { ["Name"] = "Albex" };

    [Fact]
    public async Task TooManyRequestsCarriesRetryAfterAndDoesNotProcess()
    {
        await using var tenant = await TestTenant.StartAsync();
        tenant.Emulator.Inject(SuperOfficeFault.TooManyRequests(TimeSpan.FromSeconds(7)).On(SuperOfficeEndpoint.Create));

        var limited = await tenant.PostAsync($"{tenant.Root}/Contact", Contact);
        var next = await tenant.PostAsync($"{tenant.Root}/Contact", Contact);

        Assert.Equal((HttpStatusCode)429, limited.Status);
        Assert.Equal("7", limited.Headers["Retry-After"]);
        Assert.Equal("SoServerException", limited.ErrorType);
        Assert.Equal(HttpStatusCode.Created, next.Status);
        Assert.Single(tenant.Emulator.GetRecords("Contact"));
    }

    [Fact]
    public async Task ServerErrorsRepeatAsAskedWithTheErrorBody()
    {
        await using var tenant = await TestTenant.StartAsync();
        tenant.Emulator.Inject(SuperOfficeFault.ServiceUnavailable(TimeSpan.FromSeconds(2)).Times(2));
        tenant.Emulator.Inject(SuperOfficeFault.ServerError(502));

        var replies = new List<SoReply>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add(await tenant.GetAsync($"{tenant.Root}/Contact"));
        }

        Assert.Equal(
            [HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.OK],
            replies.Select(r => r.Status));
        Assert.Equal("2", replies[0].Headers["Retry-After"]);
        Assert.Equal("SoServerException", replies[2].ErrorType);
        Assert.Equal(4, tenant.Emulator.CallCount(SuperOfficeEndpoint.Archive));
    }

    [Fact]
    public async Task FaultsAimedElsewhereLeaveTheRequestAlone()
    {
        await using var tenant = await TestTenant.StartAsync();
        tenant.Emulator.Inject(SuperOfficeFault.ServerError().On(SuperOfficeEndpoint.Delete));

        var list = await tenant.GetAsync($"{tenant.Root}/Contact");
        tenant.Emulator.ClearFaults();
        var id = tenant.Emulator.Seed("Contact", Contact);
        var delete = await tenant.DeleteAsync($"{tenant.Root}/Contact/{id}");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
    }

    [Fact]
    public async Task SlowResponseArrivesLate()
    {
        await using var tenant = await TestTenant.StartAsync();
        tenant.Emulator.Inject(SuperOfficeFault.Slow(TimeSpan.FromMilliseconds(400)));
        var watch = Stopwatch.StartNew();

        var reply = await tenant.PostAsync($"{tenant.Root}/Contact", Contact);

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task LostResponseStillCommitsTheWrite()
    {
        await using var tenant = await TestTenant.StartAsync();
        tenant.Emulator.Inject(SuperOfficeFault.LoseResponse().On(SuperOfficeEndpoint.Create));

        await Assert.ThrowsAsync<HttpRequestException>(() => tenant.PostAsync($"{tenant.Root}/Contact", Contact));

        Assert.Equal("Albex", (string)Assert.Single(tenant.Emulator.GetRecords("Contact"))["Name"]!);
    }

    [Fact]
    public async Task MalformedBodyStillCommitsTheWrite()
    {
        await using var tenant = await TestTenant.StartAsync();
        var id = tenant.Emulator.Seed("Contact", Contact);
        tenant.Emulator.Inject(SuperOfficeFault.MalformedBody());

        await Assert.ThrowsAnyAsync<JsonException>(() => tenant.PatchAsync($"{tenant.Root}/Contact/{id}", new JsonObject { ["Department"] = "Sales" }));

        Assert.Equal("Sales", (string)tenant.Emulator.GetRecord("Contact", id)!["Department"]!);
    }

    [Fact]
    public async Task ExpiredTokensNeedARefresh()
    {
        await using var tenant = await TestTenant.StartAsync();
        tenant.Emulator.Inject(SuperOfficeFault.ExpireAccessTokens().On(SuperOfficeEndpoint.Archive));

        var principal = await tenant.GetAsync($"{tenant.Root}/User/currentPrincipal");
        var list = await tenant.GetAsync($"{tenant.Root}/Contact");
        var after = await tenant.GetAsync($"{tenant.Root}/User/currentPrincipal");
        tenant.Http.DefaultRequestHeaders.Authorization = new("Bearer", tenant.Emulator.IssueAccessToken());
        var renewed = await tenant.GetAsync($"{tenant.Root}/User/currentPrincipal");

        Assert.Equal(HttpStatusCode.OK, principal.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, list.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
    }
}
