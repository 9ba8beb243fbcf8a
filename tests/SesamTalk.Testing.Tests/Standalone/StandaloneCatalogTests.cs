using System.Net;
using System.Net.Http.Headers;
using SesamTalk.Testing.Standalone;

namespace SesamTalk.Testing.Tests.Standalone;

public sealed class StandaloneCatalogTests
{
    private const string Shop = """
        {
          "system": "Myshop",
          "objects": [
            { "name": "Supplier", "createable": true, "updateable": true, "deletable": true, "fields": [
              { "name": "Name", "type": "string", "length": 40, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false }
            ]}
          ]
        }
        """;

    [Fact]
    public async Task A_catalog_file_says_which_system_it_is_for_and_the_started_system_checks_writes_against_it()
    {
        var file = await WriteAsync(Shop);
        try
        {
            var catalog = await StandaloneCatalog.ReadAsync(file);
            var systems = StandaloneCatalog.AssignTo(StandaloneSystem.Parse(["myshop", "Customcrm"]), [catalog]);

            Assert.Equal("Myshop", catalog.SystemName);
            Assert.Equal([Shop], systems[0].Catalogs);
            Assert.Empty(systems[1].Catalogs);
            await using var emulators = await StandaloneEmulators.StartAsync(systems);
            Assert.Equal(HttpStatusCode.BadRequest, await CreateAsync(emulators.BaseUrls["myshop"], """{"fields":{"Colour":"red"}}"""));
            Assert.Equal(HttpStatusCode.Created, await CreateAsync(emulators.BaseUrls["myshop"], """{"fields":{"Name":"Fjord Fasteners"}}"""));
            Assert.Equal(HttpStatusCode.Created, await CreateAsync(emulators.BaseUrls["Customcrm"], """{"fields":{"Colour":"red"}}"""));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_file_that_is_no_catalog_is_refused_with_its_name()
    {
        var file = await WriteAsync("# not JSON");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => StandaloneCatalog.ReadAsync(file));

            Assert.StartsWith(file + ": The catalog is not valid", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_catalog_goes_only_to_a_started_system()
    {
        var catalog = new StandaloneCatalog("x.catalog.json", "Myshop", "{}");

        var error = Assert.Throws<ArgumentException>(() => StandaloneCatalog.AssignTo([new StandaloneSystem("Customcrm", 0)], [catalog]));

        Assert.Equal("x.catalog.json is the catalog of Myshop, which is not started: name it, e.g. Myshop or Myshop:5103.", error.Message);
    }

    [Fact]
    public void A_custom_system_takes_one_catalog()
    {
        var error = Assert.Throws<ArgumentException>(() => StandaloneCatalog.AssignTo(
            [new StandaloneSystem("Myshop", 0)], [new StandaloneCatalog("a.json", "Myshop", "{}"), new StandaloneCatalog("b.json", "myshop", "{}")]));

        Assert.Equal("b.json and a.json are both catalogs of Myshop; give it one.", error.Message);
    }

    [Fact]
    public async Task A_custom_system_given_two_catalogs_directly_does_not_start()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => StandaloneEmulators.StartAsync([new StandaloneSystem("Myshop", 0) { Catalogs = [Shop, Shop] }]));
    }

    [Fact]
    public async Task Salesforce_takes_any_number_of_catalogs_that_extend_its_standard_one()
    {
        var org = await WriteAsync(Salesforce.CustomCatalogTests.HostCatalog);
        var more = await WriteAsync("""
            { "system": "Salesforce", "objects": [ { "name": "Milestone__c", "createable": true, "updateable": true, "deletable": true, "fields": [] } ] }
            """);
        try
        {
            var catalogs = await Task.WhenAll(StandaloneCatalog.ReadAsync(org), StandaloneCatalog.ReadAsync(more));
            var systems = StandaloneCatalog.AssignTo([new StandaloneSystem("Salesforce", 0)], catalogs);
            await using var emulators = await StandaloneEmulators.StartAsync(systems);

            using var http = await SalesforceSessionAsync(emulators);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("services/data/v64.0/sobjects/Project__c/describe")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("services/data/v64.0/sobjects/Milestone__c/describe")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("services/data/v64.0/sobjects/Thing__c/describe")).StatusCode);
        }
        finally
        {
            File.Delete(org);
            File.Delete(more);
        }
    }

    /// <summary>An HttpClient on the started Salesforce emulator with a token from its client-credentials grant.</summary>
    internal static async Task<HttpClient> SalesforceSessionAsync(StandaloneEmulators emulators)
    {
        var http = new HttpClient { BaseAddress = emulators.BaseUrls["Salesforce"] };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = emulators.Settings["SesamTalk:Salesforce:ClientId"],
            ["client_secret"] = emulators.Settings["SesamTalk:Salesforce:ClientSecret"],
        });
        using var token = await http.PostAsync("services/oauth2/token", form);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await token.Content.ReadAsStringAsync())!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)json["access_token"]!);
        return http;
    }

    private static async Task<string> WriteAsync(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), "sesamtalk-standalone-" + Guid.NewGuid().ToString("N") + ".catalog.json");
        await File.WriteAllTextAsync(file, text);
        return file;
    }

    private static async Task<HttpStatusCode> CreateAsync(Uri baseUrl, string body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "Supplier"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sesamtalk-emulator-api-key");
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
