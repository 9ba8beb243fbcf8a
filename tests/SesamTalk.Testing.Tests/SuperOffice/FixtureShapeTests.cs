using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SesamTalk.Testing.Tests.SuperOffice;

/// <summary>The emulator's bodies have the shapes of the recorded and documented payloads in shared/fixtures/superoffice.</summary>
public sealed partial class FixtureShapeTests
{
    private static List<string> Keys(JsonNode? node) => [.. node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    private static void SameKeys(JsonNode? fixture, JsonNode? emulated) => Assert.Equal(Keys(fixture), Keys(emulated));

    /// <summary>Every emulated key is one the fixture has (the emulator leaves out members it cannot fill).</summary>
    private static void OnlyFixtureKeys(JsonNode? fixture, JsonNode? emulated) => Assert.Empty(Keys(emulated).Except(Keys(fixture)));

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}[+-]\d\d:\d\d$")]
    private static partial Regex EntityDate();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")]
    private static partial Regex ArchiveDate();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$")]
    private static partial Regex UtcDate();

    [Fact]
    public async Task ContactEntityHasTheDocumentedShape()
    {
        await using var tenant = await TestTenant.StartAsync();
        var contact = tenant.Emulator.Seed("Contact", new JsonObject
        {
            ["Name"] = "TechCorp Solutions",
            ["Emails"] = new JsonArray(new JsonObject { ["Value"] = "post@techcorp.example", ["Description"] = "Main" }),
            ["DbiLastModified"] = "2016-07-26T12:34:01.7525885Z",
        });
        tenant.Emulator.Seed("Person", new JsonObject { ["Firstname"] = "Kay", ["Lastname"] = "Hettinger", ["Contact"] = contact });

        var reply = await tenant.GetAsync($"{tenant.Root}/Contact/{contact}");

        var fixture = Fixtures.SuperOffice.Load("contact_entity_docs_sample.json");
        SameKeys(fixture, reply.Body);
        SameKeys(fixture["Emails"]![0], reply.Body!["Emails"]![0]);
        SameKeys(fixture["_Links"], reply.Body["_Links"]);
        OnlyFixtureKeys(fixture["Persons"]![0], reply.Body["Persons"]![0]);
        foreach (var date in new[] { "UpdatedDate", "CreatedDate", "DbiLastModified" })
        {
            Assert.Matches(EntityDate(), (string)fixture[date]!);
            Assert.Matches(EntityDate(), (string)reply.Body[date]!);
        }

        Assert.Equal("2016-07-26T12:34:01.7525885+00:00", (string)reply.Body["DbiLastModified"]!);
    }

    [Fact]
    public async Task ArchivePagesHaveTheRecordedShape()
    {
        await using var tenant = await TestTenant.StartAsync();
        var blank = await tenant.GetAsync($"{tenant.Root}/Contact");
        tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Example" });
        var page = await tenant.GetAsync($"{tenant.Root}/Contact?$select=contactId,name,registeredBy,updatedDate");

        var blankFixture = Fixtures.SuperOffice.Load("blank_odata_response.json");
        Assert.Equal(Keys(blankFixture), Keys(blank.Body));
        Assert.Empty(blank.Value);
        Assert.Null(blank.Body!["odata.nextLink"]);
        Assert.Equal(new Uri(tenant.Emulator.ApiUrl, "v1/Archive//$metadata").ToString(), (string)blank.Body["odata.metadata"]!);
        foreach (var name in new[] { "projects_all_response.json", "documents_all_response.json" })
        {
            var fixture = Fixtures.SuperOffice.Load(name);
            SameKeys(fixture, page.Body);
            var recorded = fixture["value"]![0]!.AsObject();
            var row = page.Value[0]!.AsObject();
            Assert.Equal(recorded.Select(p => p.Key).Take(2), row.Select(p => p.Key).Take(2));
            Assert.Equal(recorded["PrimaryKey"]!.GetValueKind(), row["PrimaryKey"]!.GetValueKind());
            Assert.Matches(ArchiveDate(), (string)recorded["updatedDate"]!);
            Assert.Matches(ArchiveDate(), (string)row["updatedDate"]!);
        }
    }

    [Fact]
    public async Task ArchiveNoDateIsTheRecordedMinimumDate()
    {
        await using var tenant = await TestTenant.StartAsync();
        tenant.Emulator.Seed("Sale", new JsonObject { ["Heading"] = "No date", ["Saledate"] = null });

        var reply = await tenant.GetAsync($"{tenant.Root}/Sale?$select=saleDate");

        var recorded = Fixtures.SuperOffice.Load("projects_all_response.json")["value"]![0]!;
        Assert.Equal((string)recorded["endDate"]!, (string)reply.Value[0]!["saleDate"]!);
    }

    [Fact]
    public async Task QuoteLinesHaveTheDocumentedShape()
    {
        await using var tenant = await TestTenant.StartAsync();
        var alternative = tenant.Emulator.Seed("QuoteAlternative", new JsonObject { ["QuoteVersionId"] = 1, ["Name"] = "A" });
        tenant.Emulator.Seed("QuoteLine", new JsonObject
        {
            ["QuoteAlternativeId"] = alternative, ["Url"] = "https://example.com", ["VAT"] = 25.0, ["IsSubscription"] = true, ["SubscriptionStart"] = "2025-01-01T00:00:00+01:00",
        });

        var reply = await tenant.SendAsync(
            HttpMethod.Post, $"{tenant.Root}/Agents/Quote/GetQuoteLines", new JsonObject { ["QuoteAlternativeId"] = alternative }.ToJsonString());

        var fixture = Fixtures.SuperOffice.Load("quote_lines_docs_sample.json").AsArray();
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        SameKeys(fixture[0], reply.Body![0]);
        Assert.Matches(EntityDate(), (string)reply.Body[0]!["SubscriptionStart"]!);
        foreach (var member in new[] { "Url", "VAT", "ExtraInfo", "IsSubscription" })
        {
            Assert.Equal(fixture[0]![member]!.GetValueKind(), reply.Body[0]![member]!.GetValueKind());
        }
    }

    [Fact]
    public async Task ErrorBodyHasTheDocumentedShape()
    {
        await using var tenant = await TestTenant.StartAsync();

        var reply = await tenant.GetAsync($"{tenant.Root}/Sale/5");

        var fixture = Fixtures.SuperOffice.Load("error_404_contact_not_found.json").AsObject();
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal(fixture.Select(p => p.Key), reply.Body!.AsObject().Select(p => p.Key));
        Assert.Equal((string)fixture["ErrorType"]!, reply.ErrorType);
        Assert.Equal("Sale id 5 not found", reply.ErrorMessage);
    }

    [Fact]
    public async Task OpenIdBundleShapesMatch()
    {
        await using var tenant = await TestTenant.StartAsync();
        var bundle = Fixtures.SuperOffice.Load("oidc_token_principal_bundle.json")["items"]!.AsArray();
        using var http = new HttpClient();
        using var token = await http.PostAsync(tenant.Emulator.TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = tenant.Emulator.IssueAuthorizationCode(), ["redirect_uri"] = tenant.Emulator.RedirectUri,
            ["client_id"] = tenant.Emulator.ClientId, ["client_secret"] = tenant.Emulator.ClientSecret,
        }));

        var principal = await tenant.GetAsync($"{tenant.Root}/User/currentPrincipal");
        var configuration = await tenant.GetAsync(tenant.Emulator.OpenIdConfigurationUrl.ToString());
        var jwks = await tenant.GetAsync((string)configuration.Body!["jwks_uri"]!);

        SameKeys(bundle[0]!["contentJson"], JsonNode.Parse(await token.Content.ReadAsStringAsync()));
        SameKeys(bundle[1]!["contentJson"], principal.Body);
        Assert.Equal(tenant.Emulator.ContextIdentifier, (string)principal.Body!["ContextId"]!);
        var recordedConfiguration = bundle[2]!["contentJson"]!;
        SameKeys(recordedConfiguration, configuration.Body);
        foreach (var list in new[] { "grant_types_supported", "token_endpoint_auth_methods_supported", "response_types_supported" })
        {
            Assert.True(JsonNode.DeepEquals(recordedConfiguration[list], configuration.Body[list]), list);
        }

        Assert.Equal(tenant.Emulator.TokenUrl.ToString(), (string)configuration.Body["token_endpoint"]!);
        Assert.Empty(Keys(bundle[3]!["contentJson"]!["keys"]![0]).Except(Keys(jwks.Body!["keys"]![0])));
    }

    [Fact]
    public async Task TenantStateHasTheDocumentedShape()
    {
        await using var tenant = await TestTenant.StartAsync();

        var reply = await tenant.GetAsync(tenant.Emulator.TenantStateUrl.ToString());

        var fixture = Fixtures.SuperOffice.Load("tenant_state_running.json").AsObject();
        Assert.Equal(fixture.Select(p => p.Key), reply.Body!.AsObject().Select(p => p.Key));
        Assert.Matches(UtcDate(), (string)fixture["ValidUntil"]!);
        Assert.Matches(UtcDate(), (string)reply.Body["ValidUntil"]!);
        Assert.EndsWith("/" + tenant.Emulator.ContextIdentifier, (string)reply.Body["Endpoint"]!, StringComparison.Ordinal);
    }
}
