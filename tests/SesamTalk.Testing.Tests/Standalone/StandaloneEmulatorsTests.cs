using System.Net;
using System.Net.Http.Headers;
using SesamTalk.Testing.Standalone;

namespace SesamTalk.Testing.Tests.Standalone;

public class StandaloneEmulatorsTests
{
    [Fact]
    public void Arguments_name_systems_with_optional_ports_and_none_means_all()
    {
        var systems = StandaloneSystem.Parse(["Salesforce:5101", "Customcrm"]);

        Assert.Equal([new StandaloneSystem("Salesforce", 5101), new StandaloneSystem("Customcrm", 0)], systems);
        Assert.Equal(6, StandaloneSystem.Parse([]).Count);
    }

    [Theory]
    [InlineData("Salesforce:http")]
    [InlineData("Salesforce:70000")]
    [InlineData(":5101")]
    [InlineData("a:1:2")]
    public void A_bad_argument_says_what_is_expected(string argument)
    {
        var error = Assert.Throws<ArgumentException>(() => StandaloneSystem.Parse([argument]));

        Assert.Contains("Name:port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_named_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => StandaloneSystem.Parse(["Customcrm:5103", "customcrm"]));

        Assert.Equal("'Customcrm' is named twice; start each system once.", error.Message);
    }

    [Fact]
    public async Task The_description_gives_each_system_its_settings_as_key_value_lines_and_all_as_one_appsettings_json()
    {
        await using var emulators = await StandaloneEmulators.StartAsync([new("Salesforce", 0), new("Customcrm", 0)]);

        var salesforce = emulators.BaseUrls["Salesforce"];
        var crm = emulators.BaseUrls["Customcrm"];
        Assert.Contains(
            $"  configuration:\n    SesamTalk:Salesforce:LoginUrl={salesforce}\n    SesamTalk:Salesforce:ClientId=3MVG9SesamTalkEmulatorConsumerKey\n"
            + "    SesamTalk:Salesforce:ClientSecret=SesamTalkEmulatorConsumerSecret\nCustomcrm  ",
            emulators.Description, StringComparison.Ordinal);
        Assert.Contains($"    SesamTalk:Custom:Customcrm:BaseUrl={crm}\n    SesamTalk:Custom:Customcrm:ApiKey=sesamtalk-emulator-api-key\n", emulators.Description, StringComparison.Ordinal);
        Assert.EndsWith("\nappsettings.json:\n" + emulators.AppSettingsJson + "\n", emulators.Description, StringComparison.Ordinal);
        Assert.Equal(
            $$"""
            {
              "SesamTalk": {
                "Salesforce": {
                  "LoginUrl": "{{salesforce}}",
                  "ClientId": "3MVG9SesamTalkEmulatorConsumerKey",
                  "ClientSecret": "SesamTalkEmulatorConsumerSecret"
                },
                "Custom": {
                  "Customcrm": {
                    "BaseUrl": "{{crm}}",
                    "ApiKey": "sesamtalk-emulator-api-key"
                  }
                }
              }
            }
            """,
            emulators.AppSettingsJson.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Every_system_starts_and_describes_how_to_reach_it()
    {
        await using var emulators = await StandaloneEmulators.StartAsync(StandaloneSystem.All);
        using var http = new HttpClient();

        Assert.Equal(6, emulators.BaseUrls.Count);
        Assert.Contains("client_secret: ", emulators.Description, StringComparison.Ordinal);
        Assert.Contains("refresh_token: ", emulators.Description, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulators.BaseUrls["Customcrm"], "Customer/changes"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sesamtalk-emulator-api-key");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
