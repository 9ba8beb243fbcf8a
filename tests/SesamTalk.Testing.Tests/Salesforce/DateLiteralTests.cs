using System.Net;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

/// <summary>
/// SOQL's relative date literals, as the SOQL reference's "Date Formats and Date Literals" defines their ranges: today
/// is Tuesday 2024-09-10 (UTC), the week starts on Sunday, LAST_N_DAYS:n includes today, LAST_N_MONTHS:n does not
/// include this month.
/// </summary>
public sealed class DateLiteralTests
{
    private static readonly DateTimeOffset Now = new(2024, 9, 10, 14, 20, 17, TimeSpan.Zero);

    private static readonly (string Name, DateTimeOffset Created)[] Products =
    [
        ("last year", new(2023, 12, 31, 23, 0, 0, TimeSpan.Zero)),
        ("july", new(2024, 7, 31, 23, 0, 0, TimeSpan.Zero)),
        ("august", new(2024, 8, 15, 12, 0, 0, TimeSpan.Zero)),
        ("saturday", new(2024, 9, 7, 10, 0, 0, TimeSpan.Zero)),
        ("sunday", new(2024, 9, 8, 10, 0, 0, TimeSpan.Zero)),
        ("yesterday", new(2024, 9, 9, 23, 59, 59, TimeSpan.Zero)),
        ("midnight", new(2024, 9, 10, 0, 0, 0, TimeSpan.Zero)),
        ("today", new(2024, 9, 10, 13, 0, 0, TimeSpan.Zero)),
    ];

    [Theory]
    [InlineData("CreatedDate = TODAY", "midnight,today")]
    [InlineData("CreatedDate = YESTERDAY", "yesterday")]
    [InlineData("CreatedDate = LAST_N_DAYS:1", "yesterday,midnight,today")]
    [InlineData("CreatedDate < TODAY", "last year,july,august,saturday,sunday,yesterday")]
    [InlineData("CreatedDate > YESTERDAY", "midnight,today")]
    [InlineData("CreatedDate <= YESTERDAY AND CreatedDate >= LAST_WEEK", "saturday,sunday,yesterday")]
    [InlineData("CreatedDate = THIS_WEEK", "sunday,yesterday,midnight,today")]
    [InlineData("CreatedDate = LAST_WEEK", "saturday")]
    [InlineData("CreatedDate = N_DAYS_AGO:2", "sunday")]
    [InlineData("CreatedDate = THIS_MONTH", "saturday,sunday,yesterday,midnight,today")]
    [InlineData("CreatedDate = LAST_MONTH", "august")]
    [InlineData("CreatedDate = LAST_N_MONTHS:2", "july,august")]
    [InlineData("CreatedDate = THIS_QUARTER", "july,august,saturday,sunday,yesterday,midnight,today")]
    [InlineData("CreatedDate < THIS_YEAR", "last year")]
    [InlineData("CreatedDate = LAST_FISCAL_YEAR", "last year")]
    [InlineData("CreatedDate != TODAY AND CreatedDate = last_90_days", "july,august,saturday,sunday,yesterday")]
    public async Task DatetimeFieldsFilterByTheLiteralsRange(string where, string expected)
    {
        await using var org = await TestOrg.StartAsync(clock: new ManualClock(Now));
        foreach (var (name, created) in Products)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = name }, created);
        }

        var reply = await org.GetAsync($"{V}/query?q={Uri.EscapeDataString($"SELECT Name FROM Product2 WHERE {where} ORDER BY CreatedDate")}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(expected, string.Join(",", reply.Body!["records"]!.AsArray().Select(r => (string)r!["Name"]!)));
    }

    [Fact]
    public async Task DateFieldsFilterByTheLiteralsRangeToo()
    {
        await using var org = await TestOrg.StartAsync(clock: new ManualClock(Now));
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme" });
        foreach (var day in new[] { "2024-09-10", "2024-09-11", "2024-09-17", "2024-09-18" })
        {
            org.Emulator.Seed("Order", new JsonObject { ["AccountId"] = account, ["EffectiveDate"] = day, ["Status"] = "Draft", ["Name"] = day });
        }

        var reply = await org.GetAsync($"{V}/query?q={Uri.EscapeDataString("SELECT Name FROM Order WHERE EffectiveDate = NEXT_N_DAYS:7 ORDER BY EffectiveDate")}");

        Assert.Equal(["2024-09-11", "2024-09-17"], reply.Body!["records"]!.AsArray().Select(r => (string)r!["Name"]!));
    }

    [Theory]
    [InlineData("SELECT Id FROM Product2 WHERE Name = TODAY", "INVALID_FIELD")]
    [InlineData("SELECT Id FROM Product2 WHERE CreatedDate = LAST_N_DAYS", "MALFORMED_QUERY")]
    [InlineData("SELECT Id FROM Product2 WHERE CreatedDate = SOMEDAY", "MALFORMED_QUERY")]
    public async Task MisusedDateLiteralsAreRefused(string soql, string errorCode)
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.GetAsync($"{V}/query?q={Uri.EscapeDataString(soql)}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(errorCode, reply.ErrorCode);
    }
}
