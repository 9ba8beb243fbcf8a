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
            Assert.Equal(Shop, systems[0].Catalog);
            Assert.Null(systems[1].Catalog);
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

    [Theory]
    [InlineData("Myshop", "Customcrm", "which is not started")]
    [InlineData("Salesforce", "Salesforce", "takes no other")]
    [InlineData("ExactOnline", "ExactOnline", "takes no other")]
    public void A_catalog_goes_only_to_a_started_custom_system(string catalogSystem, string started, string expected)
    {
        var catalog = new StandaloneCatalog("x.catalog.json", catalogSystem, "{}");

        var error = Assert.Throws<ArgumentException>(() => StandaloneCatalog.AssignTo([new StandaloneSystem(started, 0)], [catalog]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("x.catalog.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_takes_one_catalog()
    {
        var error = Assert.Throws<ArgumentException>(() => StandaloneCatalog.AssignTo(
            [new StandaloneSystem("Myshop", 0)], [new StandaloneCatalog("a.json", "Myshop", "{}"), new StandaloneCatalog("b.json", "myshop", "{}")]));

        Assert.Equal("b.json and a.json are both catalogs of Myshop; give it one.", error.Message);
    }

    [Fact]
    public async Task Salesforce_SuperOffice_and_Exact_Online_start_with_no_catalog_but_their_own()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => StandaloneEmulators.StartAsync([new StandaloneSystem("SuperOffice", 0) { Catalog = Shop }]));
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
