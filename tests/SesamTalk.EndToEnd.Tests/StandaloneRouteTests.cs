using System.Text;
using Microsoft.Extensions.Configuration;
using SesamTalk.Samples.SyncJob;
using SesamTalk.Testing.Standalone;

namespace SesamTalk.EndToEnd.Tests;

/// <summary>
/// The job's README route: the standalone emulators of tools/SesamTalk.Emulators started with the demo (the same code the
/// tool runs), the job configured with the appsettings.json snippet the tool prints, run with a fresh state, then again
/// with that state.
/// </summary>
[Collection(InProcessJobRuns.Name)]
public sealed class StandaloneRouteTests
{
    [Fact]
    public async Task The_job_against_the_standalone_emulators_with_the_demo_links_every_seed_row_and_a_second_run_with_its_state_continues()
    {
        await using var emulators = await StandaloneEmulators.StartAsync(
            [new("Salesforce", 0), new("ExactOnline", 0), new("SuperOffice", 0), new("Customcrm", 0)], seedDemo: true);
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(emulators.AppSettingsJson));
        var settings = new ConfigurationBuilder().AddJsonStream(json).Build().AsEnumerable().Where(s => s.Value is not null).ToList();
        var state = InProcessJob.NewState();
        try
        {
            var first = await InProcessJob.RunAsync(state, settings);
            Assert.True(first.ExitCode == JobExitCodes.Linked, $"first run exit {first.ExitCode}: {first.Errors}\n{first.Output}");
            Assert.DoesNotContain("embedded", first.Output, StringComparison.Ordinal);
            Assert.Contains("All 20 seed rows linked, nothing quarantined.", first.Output, StringComparison.Ordinal);

            var second = await InProcessJob.RunAsync(state, settings);
            Assert.True(second.ExitCode == JobExitCodes.Linked, $"second run exit {second.ExitCode}: {second.Errors}\n{second.Output}");
            Assert.Matches(@"Customwebshop Product to Salesforce Product2 +\d+ +0 ", second.Output);
        }
        finally
        {
            InProcessJob.DeleteState(state);
        }
    }
}
