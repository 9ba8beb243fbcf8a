using System.Net;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

/// <summary>Every org has its standard price book from the start, as a real org does; the API cannot create another.</summary>
public sealed class StandardPricebookTests
{
    private const string StandardQuery = "SELECT Id, Name, IsActive FROM Pricebook2 WHERE IsStandard = true";

    [Fact]
    public async Task A_new_org_answers_the_standard_price_book_query_with_its_one_active_standard_price_book()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.GetAsync($"{V}/query?q={Uri.EscapeDataString(StandardQuery)}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var book = Assert.Single(reply.Body!["records"]!.AsArray())!;
        Assert.Equal(org.Emulator.StandardPricebookId, (string?)book["Id"]);
        Assert.Equal("Standard Price Book", (string?)book["Name"]);
        Assert.True((bool)book["IsActive"]!);
    }

    [Fact]
    public async Task A_create_that_sets_IsStandard_is_refused_so_the_org_keeps_one_standard_price_book()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.SendAsync(HttpMethod.Post, $"{V}/sobjects/Pricebook2", """{"Name":"Standard","IsStandard":true}""");

        Assert.Equal("INVALID_FIELD_FOR_INSERT_UPDATE", reply.ErrorCode);
        Assert.Single(org.Emulator.GetRecords("Pricebook2"));
    }

    [Fact]
    public async Task An_org_whose_standard_price_book_the_integration_user_cannot_see_shows_none()
    {
        await using var org = await TestOrg.StartAsync(options => options.StandardPricebook = false);

        var reply = await org.GetAsync($"{V}/query?q={Uri.EscapeDataString(StandardQuery)}");

        Assert.Empty(reply.Body!["records"]!.AsArray());
        Assert.Null(org.Emulator.StandardPricebookId);
    }
}
