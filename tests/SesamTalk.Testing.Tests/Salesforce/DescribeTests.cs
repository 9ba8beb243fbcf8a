using System.Net;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

/// <summary>Describe, describe-global and basic information, in the shapes of the recorded restforce describe fixtures.</summary>
public sealed class DescribeTests
{
    private static JsonNode Field(JsonNode describe, string name) =>
        describe["fields"]!.AsArray().Single(f => (string)f!["name"]! == name)!;

    [Fact]
    public async Task DescribeListsPicklistValuesInTheDescribeShape()
    {
        await using var org = await TestOrg.StartAsync();

        var product = (await org.GetAsync($"{V}/sobjects/Product2/describe")).Body!;
        var order = (await org.GetAsync($"{V}/sobjects/Order/describe")).Body!;

        var family = Field(product, "Family");
        Assert.Equal("picklist", (string)family["type"]!);
        Assert.False((bool)family["restrictedPicklist"]!);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"active":true,"defaultValue":false,"label":"None","validFor":null,"value":"None"}"""),
            family["picklistValues"]![0]));
        var status = Field(order, "Status");
        Assert.True((bool)status["restrictedPicklist"]!);
        Assert.Equal(["Draft", "Activated"], status["picklistValues"]!.AsArray().Select(v => (string)v!["value"]!));
        Assert.Empty(Field(product, "Name")["picklistValues"]!.AsArray());
    }

    [Fact]
    public async Task DescribeCarriesTheFieldMembersClientsRead()
    {
        await using var org = await TestOrg.StartAsync();

        var describe = (await org.GetAsync($"{V}/sobjects/Contact/describe")).Body!;

        Assert.Equal("Contact", (string)describe["name"]!);
        Assert.False((bool)describe["custom"]!);
        Assert.Equal($"{V}/sobjects/Contact/describe", (string)describe["urls"]!["describe"]!);
        var account = Field(describe, "AccountId");
        Assert.Equal("reference", (string)account["type"]!);
        Assert.Equal("tns:ID", (string)account["soapType"]!);
        Assert.Equal("Account", (string)account["relationshipName"]!);
        Assert.Equal("Account", (string)account["referenceTo"]![0]!);
        Assert.Equal("Mailing City", (string)Field(describe, "MailingCity")["label"]!);
        var accountDescribe = (await org.GetAsync($"{V}/sobjects/Account/describe")).Body!;
        Assert.Contains(accountDescribe["childRelationships"]!.AsArray(),
            r => (string)r!["childSObject"]! == "Contact" && (string)r["field"]! == "AccountId");
    }

    [Fact]
    public async Task DescribeGlobalListsEveryObjectOfTheOrg()
    {
        await using var org = await TestOrg.StartAsync(o => o.DisabledObjects.Add("Division"));

        var reply = await org.GetAsync($"{V}/sobjects/");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("UTF-8", (string)reply.Body!["encoding"]!);
        Assert.Equal(200, (int)reply.Body["maxBatchSize"]!);
        var sobjects = reply.Body["sobjects"]!.AsArray();
        var product = sobjects.Single(s => (string)s!["name"]! == "Product2")!;
        Assert.Equal("01t", (string)product["keyPrefix"]!);
        Assert.True((bool)product["queryable"]!);
        Assert.Equal($"{V}/sobjects/Product2/{{ID}}", (string)product["urls"]!["rowTemplate"]!);
        Assert.False(product.AsObject().ContainsKey("fields"));
        Assert.False((bool)sobjects.Single(s => (string)s!["name"]! == "Invoice")!["createable"]!);
        Assert.DoesNotContain(sobjects, s => (string)s!["name"]! == "Division");
    }

    [Fact]
    public async Task BasicInformationWrapsTheSummaryWithRecentItems()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.GetAsync($"{V}/sobjects/Product2");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Product2", (string)reply.Body!["objectDescribe"]!["name"]!);
        Assert.Empty(reply.Body["recentItems"]!.AsArray());
    }

    [Theory]
    [InlineData("/sobjects/Project__c")]
    [InlineData("/sobjects/Project__c/describe")]
    public async Task AnUnknownObjectInTheUrlIsNotFound(string path)
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.GetAsync(V + path);

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        reply.AssertBody("""[{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]""");
    }
}
