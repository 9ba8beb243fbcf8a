using System.Text.Json.Nodes;
using SesamTalk.Samples.SyncJob;
using SesamTalk.Samples.SyncJob.Propagation;

namespace SesamTalk.EndToEnd.Tests;

/// <summary>
/// The job's live phase (issue 18): with every system embedded, each kind of remote edit is timed in every round and
/// written into the summary; every system notifies, and every edit arrives. How fast is a figure of the job's
/// runs in docs/benchmarks.md, not a timed test (the 95th percentile under 2 s is measured there, on a quiet machine).
/// </summary>
[Collection(InProcessJobRuns.Name)]
public sealed class JobPropagationTests
{
    /// <summary>The flows the job's remote edits travel, one per kind of edit.</summary>
    private static readonly string[] EditedFlows =
    [
        "Salesforce Product2 to Customwebshop Product",
        "Salesforce Contact to Customerp Contact",
        "ExactOnline Items to Customwebshop Product",
        "Customcrm Customer to Customwebshop Customer",
        "SuperOffice Contact to Customwebshop Customer",
    ];

    /// <summary>The systems that notify the job's hosts of their changes (their change sources are in main).</summary>
    private static readonly string[] NotifyingSystems = ["Salesforce", "ExactOnline", "SuperOffice", "Customcrm"];

    [Fact]
    public async Task The_live_phase_times_every_kind_of_remote_edit_in_every_round_and_every_system_notifies()
    {
        var state = InProcessJob.NewState();
        var summary = Path.Combine(state, "summary.json");
        try
        {
            var (exitCode, output, errors) = await InProcessJob.RunAsync(state, [new(JobSettings.SummaryJsonKey, summary)]);

            Assert.True(exitCode == JobExitCodes.Linked, $"exit {exitCode}: {errors}\n{output}");
            var entries = JsonNode.Parse(await File.ReadAllTextAsync(summary))!["propagation"]!.AsArray()
                .Select(entry => (System: (string)entry!["system"]!, Flow: (string)entry["flow"]!, Milliseconds: (double?)entry["milliseconds"], Notified: (bool)entry["notified"]!))
                .ToList();
            Assert.Equal(EditedFlows.Order(), entries.Select(entry => entry.Flow).Distinct().Order());
            Assert.All(EditedFlows, flow => Assert.Equal(LivePhase.Rounds, entries.Count(entry => entry.Flow == flow)));
            Assert.All(entries, entry => Assert.NotNull(entry.Milliseconds));
            Assert.All(entries, entry => Assert.Equal(NotifyingSystems.Contains(entry.System), entry.Notified));
        }
        finally
        {
            InProcessJob.DeleteState(state);
        }
    }
}
