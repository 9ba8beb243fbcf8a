namespace SesamTalk.ClientCompatibility.Tests.Jsforce;

/// <summary>
/// jsforce, the JavaScript Salesforce client, runs each everyday operation (tests/Clients/jsforce/scenarios) against the
/// Salesforce emulator over loopback HTTP, and must not be able to tell it from Salesforce.
/// </summary>
public sealed class JsforceScenarioTests(JsforceOrg org) : IClassFixture<JsforceOrg>
{
    public static TheoryData<string> Scenarios => new(JsforceFolder.Scenarios);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Jsforce_runs_the_scenario_against_the_emulator(string scenario)
    {
        var result = await org.RunAsync(scenario);

        Assert.True(result.ExitCode == 0, $"jsforce scenario '{scenario}' failed:\n{result}");
    }
}
