using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

/// <summary>What Salesforce makes of the values written to it, as the answers of later reads show them.</summary>
public sealed class StoredValueTests
{
    [Fact]
    public async Task TextIsStoredTrimmedAndEmptyTextAsNullButANonBreakingSpaceStays()
    {
        await using var org = await TestOrg.StartAsync();

        var id = await org.CreateAsync("Account", new JsonObject { ["Name"] = "  Acme\t\n", ["AccountNumber"] = "", ["Description"] = "\u00A0spaced\u00A0 " });
        await org.PatchAsync($"{V}/sobjects/Account/{id}", new JsonObject { ["Phone"] = " 22 11 00 " });
        var read = (await org.GetAsync($"{V}/sobjects/Account/{id}")).Body!;

        Assert.Equal("Acme", (string)read["Name"]!);
        Assert.Null(read["AccountNumber"]);
        Assert.Equal("\u00A0spaced\u00A0", (string)read["Description"]!);
        Assert.Equal("22 11 00", (string)read["Phone"]!);
    }

    [Fact]
    public async Task BlankTextInARequiredFieldIsAMissingField()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.PostAsync($"{V}/sobjects/Account", new JsonObject { ["Name"] = "   " });

        Assert.Equal("REQUIRED_FIELD_MISSING", reply.ErrorCode);
    }

    [Fact]
    public async Task DatetimeFieldsDropTheirMillisecondsWithoutRounding()
    {
        await using var org = await TestOrg.StartAsync();
        var account = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme" });
        var order = await org.CreateAsync("Order", new JsonObject { ["AccountId"] = account, ["EffectiveDate"] = "2024-09-10", ["Status"] = "Draft" });

        await org.PatchAsync($"{V}/sobjects/Order/{order}", new JsonObject { ["ActivatedDate"] = "2024-09-10T14:20:17.987Z" });
        var read = await org.GetAsync($"{V}/query?q=" + Uri.EscapeDataString($"SELECT ActivatedDate FROM Order WHERE Id = '{order}'"));

        Assert.Equal("2024-09-10T14:20:17.000+0000", (string)read.Body!["records"]![0]!["ActivatedDate"]!);
    }

    [Fact]
    public async Task AReferenceGivenAsFifteenCharactersIsStoredAndAnsweredAsEighteen()
    {
        await using var org = await TestOrg.StartAsync();
        var account = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme" });

        var contact = await org.CreateAsync("Contact", new JsonObject { ["LastName"] = "Smith", ["AccountId"] = account[..15] });
        var read = (await org.GetAsync($"{V}/sobjects/Contact/{contact}")).Body!;

        Assert.Equal(18, account.Length);
        Assert.Equal(account, (string)read["AccountId"]!);
    }

    [Fact]
    public async Task NumbersKeepDecimalsBeyondTheFieldScaleUpToADoublesPrecision()
    {
        await using var org = await TestOrg.StartAsync();

        var precise = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme", ["AnnualRevenue"] = JsonValue.Create(1234.5678m) });
        var beyond = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Beta", ["AnnualRevenue"] = JsonNode.Parse("49.9999999999999972") });

        Assert.Equal(1234.5678m, (decimal)(await org.GetAsync($"{V}/sobjects/Account/{precise}")).Body!["AnnualRevenue"]!);
        Assert.Equal(50m, (decimal)(await org.GetAsync($"{V}/sobjects/Account/{beyond}")).Body!["AnnualRevenue"]!);
    }
}
