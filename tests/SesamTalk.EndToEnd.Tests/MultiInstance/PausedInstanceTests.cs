using System.Globalization;
using SesamTalk.Testing.Custom;
using SesamTalk.Tests.PostgreSql;
using Xunit.Abstractions;

namespace SesamTalk.EndToEnd.Tests.MultiInstance;

/// <summary>
/// A copy of the main job frozen (SIGSTOP) past its lease in the middle of creating Customcrm records that have no match
/// key, another copy taking the flow over, and the frozen copy woken (SIGCONT): only the intents and their idempotency
/// keys keep the records from being created twice, and only the lease fence keeps the woken copy from committing.
/// </summary>
[Collection(UsesPostgreSqlServer.Collection)]
public sealed class PausedInstanceTests(PostgreSqlServer server, ITestOutputHelper output)
{
    /// <summary>Customers without an e-mail address (the Customcrm flow's match key): one unit of work for the frozen copy.</summary>
    private const int Records = 300;

    /// <summary>The copies' lease: short, so the frozen copy's lease runs out within the test.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(5);

    private const string Flow = "Customwebshop Customer - Customcrm Customer";

    [Fact]
    public async Task A_copy_frozen_past_its_lease_while_creating_records_without_match_key_is_fenced_out_and_nothing_is_created_twice()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var fleet = await JobFleet.StartAsync(
            server,
            ("LeaseDuration", LeaseDuration.ToString("c", CultureInfo.InvariantCulture)),
            JobFleet.Disabled("Customer/ExactOnline")); // its 60 calls a minute would hold the test up for minutes
        await fleet.SeedWebshopAsync(Records, withEmail: false, timeout.Token);

        using var frozen = fleet.Start("frozen copy");
        try
        {
            await FreezeWithCreatesInFlightAsync(fleet, frozen, timeout.Token);
            while (await LinkStoreProbe.HoldsLiveLeaseAsync(fleet.Database, frozen.ProcessId, timeout.Token))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }

            // The frozen copy's lease ran out: this copy takes the flow over and finds the open creates by their keys.
            var takeover = await fleet.RunToEndAsync("copy taking over", output, timeout.Token);
            Assert.Contains(Flow, JobOutput.FlowsRun(takeover));

            await frozen.ResumeAsync();
            var (exitCode, woken, errors) = await frozen.WaitAsync(timeout.Token);
            Assert.True(exitCode is 0 or 1, $"the frozen copy failed ({exitCode.ToString(CultureInfo.InvariantCulture)}): {errors}");

            // Its unit of work was refused: the lease it wrote under had been taken over.
            Assert.Contains(woken.Split('\n'), line => line.Contains("STOPPED", StringComparison.Ordinal) && line.Contains("Customcrm Customer", StringComparison.Ordinal)
                && line.Contains("expired and another process holds it now", StringComparison.Ordinal));
        }
        finally
        {
            output.WriteLine("--- frozen copy:");
            output.WriteLine(frozen.OutputSoFar);
        }

        await SyncedCustomers.AssertEachOnceAsync(fleet, Records, exact: false, timeout.Token);
        var next = JobOutput.Figures(await fleet.RunToEndAsync("next run", output, timeout.Token));
        Assert.Equal((0, 0), (next.Created, next.Updated));
    }

    /// <summary>
    /// Holds back Customcrm's answers to the copy's create batches, so it is caught with its creates sent and not committed,
    /// and freezes it while the link store shows its lease with open intents of the flow.
    /// </summary>
    private async Task FreezeWithCreatesInFlightAsync(JobFleet fleet, JobInstance copy, CancellationToken cancellationToken)
    {
        while (!JobOutput.IsSyncing((await fleet.Lines.Reader.ReadAsync(cancellationToken)).Line, Flow))
        {
        }

        fleet.Systems.Crm.Inject(CustomFault.Slow(TimeSpan.FromSeconds(2)).On(CustomEndpoint.Batch).Times(3));
        while (!await LinkStoreProbe.HoldsLeaseWithOpenIntentsAsync(fleet.Database, copy.ProcessId, "Customer", "Customcrm", cancellationToken))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        await copy.PauseAsync();
        output.WriteLine($"froze the copy (pid {copy.ProcessId.ToString(CultureInfo.InvariantCulture)}) with creates of {Flow} in flight");
    }
}
