using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Testing.Tests.ExactOnline;

public sealed class FaultTests
{
    private static readonly JsonObject Account = new() { ["Name"] = "Albex" };

    [Fact]
    public async Task TooManyRequestsCarriesRetryAfterAndDoesNotProcess()
    {
        await using var division = await TestDivision.StartAsync();
        division.Emulator.Inject(ExactOnlineFault.TooManyRequests(TimeSpan.FromSeconds(7)).On(ExactOnlineEndpoint.Create));

        var limited = await division.PostAsync($"{division.Root}/crm/Accounts", Account);
        var next = await division.PostAsync($"{division.Root}/crm/Accounts", Account);

        Assert.Equal((HttpStatusCode)429, limited.Status);
        Assert.Equal("7", limited.Headers["Retry-After"]);
        Assert.Equal("API rate limit exceeded.", limited.ErrorMessage);
        Assert.Equal(HttpStatusCode.Created, next.Status);
        Assert.Single(division.Emulator.GetRecords("Accounts"));
    }

    [Fact]
    public async Task ServerErrorsRepeatAsAskedWithTheErrorBody()
    {
        await using var division = await TestDivision.StartAsync();
        division.Emulator.Inject(ExactOnlineFault.ServiceUnavailable(TimeSpan.FromSeconds(2)).Times(2));
        division.Emulator.Inject(ExactOnlineFault.ServerError(502));

        var replies = new List<ExactReply>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add(await division.GetAsync($"{division.Root}/crm/Accounts"));
        }

        Assert.Equal(
            [HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.OK],
            replies.Select(r => r.Status));
        Assert.Equal("2", replies[0].Headers["Retry-After"]);
        Assert.NotEmpty(replies[2].ErrorMessage);
        Assert.Equal(4, division.Emulator.CallCount(ExactOnlineEndpoint.List));
    }

    [Fact]
    public async Task SlowResponseArrivesLate()
    {
        await using var division = await TestDivision.StartAsync();
        division.Emulator.Inject(ExactOnlineFault.Slow(TimeSpan.FromMilliseconds(400)));
        var watch = Stopwatch.StartNew();

        var reply = await division.PostAsync($"{division.Root}/crm/Accounts", Account);

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task LostResponseStillCommitsTheWrite()
    {
        await using var division = await TestDivision.StartAsync();
        division.Emulator.Inject(ExactOnlineFault.LoseResponse().On(ExactOnlineEndpoint.Create));

        await Assert.ThrowsAsync<HttpRequestException>(() => division.PostAsync($"{division.Root}/crm/Accounts", Account));

        Assert.Equal("Albex", (string)Assert.Single(division.Emulator.GetRecords("Accounts"))["Name"]!);
    }

    [Fact]
    public async Task MalformedBodyStillCommitsTheWrite()
    {
        await using var division = await TestDivision.StartAsync();
        division.Emulator.Inject(ExactOnlineFault.MalformedBody());

        await Assert.ThrowsAnyAsync<JsonException>(() => division.PostAsync($"{division.Root}/crm/Accounts", Account));

        Assert.Single(division.Emulator.GetRecords("Accounts"));
    }

    [Fact]
    public async Task ExpiredTokensNeedARefresh()
    {
        await using var division = await TestDivision.StartAsync();
        division.Emulator.Inject(ExactOnlineFault.ExpireAccessTokens().On(ExactOnlineEndpoint.List));

        var me = await division.GetAsync("/api/v1/current/Me");
        var list = await division.GetAsync($"{division.Root}/crm/Accounts");
        var after = await division.GetAsync("/api/v1/current/Me");
        division.Http.DefaultRequestHeaders.Authorization = new("Bearer", division.Emulator.IssueAccessToken());
        var renewed = await division.GetAsync("/api/v1/current/Me");

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, list.Status);
        Assert.Equal("Bearer", list.Headers["WWW-Authenticate"]);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
    }
}
