using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using SesamTalk.Tests.PostgreSql;
using Xunit.Abstractions;

namespace SesamTalk.EndToEnd.Tests.MultiInstance;

/// <summary>
/// Three copies of the main job as processes on one PostgreSQL database (link stores and host databases) against the
/// emulators on loopback, one copy killed with SIGKILL twice while it holds a flow's lease with creates in flight.
/// </summary>
[Collection(UsesPostgreSqlServer.Collection)]
public sealed class MultiInstanceTests(PostgreSqlServer server, ITestOutputHelper output)
{
    /// <summary>Customers the webshop holds besides its demo data; each goes to four systems (four flows).
    /// SESAMTALK_MULTI_RECORDS sets another number for a figures run (docs/deployment.md).</summary>
    private static readonly int Records = Setting("SESAMTALK_MULTI_RECORDS", 50);

    /// <summary>Copies of the job started at once (SESAMTALK_MULTI_INSTANCES for a figures run).</summary>
    private static readonly int Instances = Setting("SESAMTALK_MULTI_INSTANCES", 3);

    /// <summary>Copies killed, each replaced by a new one (SESAMTALK_MULTI_KILLS for a figures run).</summary>
    private static readonly int Kills = Setting("SESAMTALK_MULTI_KILLS", 2);

    /// <summary>
    /// The most customers the Exact Online flow takes: Exact allows 60 calls a minute per company on every subscription
    /// and an account is one call, so 300 take five minutes. Above it the flow is left out (5,000 would take 84 minutes).
    /// </summary>
    private const int ExactOnlineAtMost = 300;

    private static bool WithExactOnline => Records <= ExactOnlineAtMost;

    [Fact]
    public async Task Three_instances_with_one_killed_mid_cycle_twice_leave_every_record_and_link_once_and_then_write_nothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5 + (Records / 250)));
        await using var fleet = await JobFleet.StartAsync(server, WithExactOnline ? [] : [JobFleet.Disabled("Customer/ExactOnline")]);
        await fleet.SeedWebshopAsync(Records, withEmail: true, timeout.Token);
        if (!WithExactOnline)
        {
            output.WriteLine($"{Records} customers: more than Exact Online's 60 calls a minute carry in the test's time; its customer flow is left out.");
        }

        var running = new List<JobInstance>();
        var clock = Stopwatch.StartNew();
        try
        {
            for (var i = 1; i <= Instances; i++)
            {
                running.Add(fleet.Start($"instance {i.ToString(CultureInfo.InvariantCulture)}"));
            }

            for (var kill = 1; kill <= Kills; kill++)
            {
                await KillOneWithCreatesInFlightAsync(running, fleet.Lines.Reader, fleet.Database, timeout.Token);
                running.Add(fleet.Start($"instance {(Instances + kill).ToString(CultureInfo.InvariantCulture)}"));
            }

            var apiCalls = 0;
            foreach (var instance in running.Where(instance => !instance.Killed))
            {
                var (exitCode, jobOutput, errors) = await instance.WaitAsync(timeout.Token);
                Assert.True(exitCode is 0 or 1, $"{instance.Name} failed ({exitCode.ToString(CultureInfo.InvariantCulture)}): {errors}");
                apiCalls += JobOutput.Figures(jobOutput).ApiCalls;
            }

            output.WriteLine($"{Records} customers, {Instances} instance(s), {Kills} kill(s): {clock.Elapsed.TotalSeconds:F1} s, {apiCalls} API calls by the instances that were not killed");
            foreach (var instance in running)
            {
                var flows = JobOutput.FlowsRun(instance.OutputSoFar);
                output.WriteLine($"{instance.Name}{(instance.Killed ? " (killed)" : "")}: ran {flows.Count} flow cycles, {flows.Distinct(StringComparer.Ordinal).Count()} flows");
            }
        }
        finally
        {
            foreach (var instance in running)
            {
                output.WriteLine($"--- {instance.Name}{(instance.Killed ? " (killed)" : "")}:");
                output.WriteLine(instance.OutputSoFar);
                instance.Dispose();
            }
        }

        await fleet.RunToEndAsync("settling run", output, timeout.Token);
        await SyncedCustomers.AssertEachOnceAsync(fleet, Records, WithExactOnline, timeout.Token);
        var next = JobOutput.Figures(await fleet.RunToEndAsync("next run", output, timeout.Token));
        Assert.Equal((0, 0), (next.Created, next.Updated));
    }

    /// <summary>
    /// Waits until one of <paramref name="running"/> is writing a customer flow with creates in flight (its output names
    /// the flow; the link store shows its lease and open intents of that flow) and kills it with SIGKILL.
    /// </summary>
    private async Task KillOneWithCreatesInFlightAsync(List<JobInstance> running, ChannelReader<(JobInstance Instance, string Line)> lines, string database, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (instance, line) = await lines.ReadAsync(cancellationToken);
            if (instance.Killed || !line.Contains("Customwebshop Customer - ", StringComparison.Ordinal) || !line.EndsWith(": syncing", StringComparison.Ordinal))
            {
                continue;
            }

            for (var poll = 0; poll < 100; poll++)
            {
                if (await LinkStoreProbe.HoldsLeaseWithOpenIntentsAsync(database, instance.ProcessId, "Customer", system: null, cancellationToken))
                {
                    await instance.KillAsync();
                    if (await LinkStoreProbe.HoldsLeaseAsync(database, instance.ProcessId, cancellationToken))
                    {
                        output.WriteLine($"killed {instance.Name} (pid {instance.ProcessId.ToString(CultureInfo.InvariantCulture)}) after: {line.Trim()}");
                        return;
                    }

                    // Its unit committed and let the lease go between the probe and the signal: that kill was not
                    // mid-cycle, so it does not count; kill another that is.
                    output.WriteLine($"{instance.Name} finished its unit before the kill landed; it does not count");
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
    }

    private static int Setting(string variable, int standard) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var value) ? value : standard;
}
