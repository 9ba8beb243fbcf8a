using System.Text.Json.Nodes;
using SesamTalk.Samples.SyncJob;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.EndToEnd.Tests;

/// <summary>A flow that stops early shows its reason after each cycle it stopped in and under the table, not only as missing links.</summary>
[Collection(InProcessJobRuns.Name)]
public sealed class JobStopTests
{
    [Fact]
    public async Task A_flow_stopped_by_a_failing_system_is_named_with_its_reason_after_each_cycle_under_the_table_and_in_the_summary()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        salesforce.Inject(SalesforceFault.ServerError(503).On(SalesforceEndpoint.CollectionCreate).Times(10_000));
        var state = InProcessJob.NewState();
        var summary = Path.Combine(state, "summary.json");
        try
        {
            var (exitCode, output, errors) = await InProcessJob.RunAsync(state, [.. InProcessJob.SalesforceSettings(salesforce), new(JobSettings.SummaryJsonKey, summary), new(JobSettings.NoLiveKey, "true")]);

            Assert.True(exitCode == JobExitCodes.NotLinked, $"exit {exitCode}: {errors}\n{output}");
            var flow = "Customwebshop Product - Salesforce Product2";
            Assert.Matches(@"Cycle 1: \d+ of \d+ flows stopped early, \d+ of them because a system failed:", output);
            Assert.Matches(@"Cycle 2: \d+ of \d+ flows stopped early", output);
            Assert.Matches($"  STOPPED {flow} \\(failed\\): .*503", output);
            Assert.Matches(@"Customwebshop Product to Salesforce Product2 +(\d+ +){7}2/2", output);
            Assert.Matches(@"\d+ flow\(s\) stopped early in some cycle, \d+ of them because a system failed; the last reason of each:", output);
            var row = JsonNode.Parse(await File.ReadAllTextAsync(summary))!["flows"]!.AsArray()
                .Single(entry => (string?)entry!["flow"] == "Customwebshop Product to Salesforce Product2")!;
            Assert.Equal(2, (int)row["failed"]!);
            Assert.Contains("503", (string?)row["stopReason"], StringComparison.Ordinal);
        }
        finally
        {
            InProcessJob.DeleteState(state);
        }
    }
}
