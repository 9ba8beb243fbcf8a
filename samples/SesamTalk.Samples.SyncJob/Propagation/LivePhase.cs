using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Samples.SyncJob.Demo;
using SesamTalk.Samples.SyncJob.Hosts;

namespace SesamTalk.Samples.SyncJob.Propagation;

/// <summary>
/// The job's live phase: both hosts run as a deployed host does (their hosted services: the background sync, and with
/// notifications on the change sources), and the remote edits are made again, round after round, each timed from just
/// before its remote write until a read of the host's database sees its value. Nothing syncs on the job's behalf: an
/// edit arrives by a notification or by the background sync's poll.
/// </summary>
internal static class LivePhase
{
    /// <summary>The timed rounds, after a warm-up round; each makes every edit once, with a value of its own.</summary>
    public const int Rounds = 5;

    /// <summary>
    /// How long an edit may take before it counts as not arrived: the polling interval, a slow pass of the flows on a busy
    /// machine, and a wait for Exact Online's next minute when the flows have spent its 60 calls a minute.
    /// </summary>
    public static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(90);

    /// <summary>How long the warm-up round waits for its edits.</summary>
    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often the hosts' databases are read while edits are on their way: the measurements' resolution.</summary>
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(25);

    /// <summary>Runs a warm-up round and the timed rounds, prints the table and returns the timed edits' times.</summary>
    public static async Task<IReadOnlyList<PropagationTime>> RunAsync(IReadOnlyList<RemoteEdit> edits, IReadOnlyList<IHostApp> hosts, TextWriter output, CancellationToken cancellationToken)
    {
        var notified = edits.Select(edit => Notifies(Host(hosts, edit), edit.Flow.Target.System)).ToArray();
        var polling = Host(hosts, edits[0]).Services.GetRequiredService<IOptions<SyncScheduleOptions>>().Value.Interval;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Live: both hosts' background sync running (polling every {polling.TotalSeconds:0.#} s where a system does not notify); each edit made {Rounds} times and timed until its host sees it:"));
        var times = new List<PropagationTime>();
        var running = await RunningHosts.StartAsync(hosts, cancellationToken).ConfigureAwait(false);
        await using (running.ConfigureAwait(false))
        {
            // The change sources subscribe while the hosts start, and an edit made before its subscription is open
            // arrives only by a poll (at the safety interval once the subscription is live): the first round lets them
            // settle, is not counted, and need not arrive.
            var warmUp = await RoundAsync(edits, notified, 1, WarmUpTimeout, cancellationToken).ConfigureAwait(false);
            output.WriteLine(RoundLine("Warm-up (not counted)", warmUp, WarmUpTimeout));
            var calls = ApiCallCount.Start(hosts);
            for (var round = 1; round <= Rounds; round++)
            {
                var roundTimes = await RoundAsync(edits, notified, round + 1, ArrivalTimeout, cancellationToken).ConfigureAwait(false);
                times.AddRange(roundTimes);
                output.WriteLine(RoundLine(string.Create(CultureInfo.InvariantCulture, $"Round {round}"), roundTimes, ArrivalTimeout));
            }

            PropagationTable.Write(output, times, polling);
            calls.Write(output, times.Count);
            return times;
        }
    }

    /// <summary>Makes every edit with the round's value, then reads the hosts until each has arrived or timed out.</summary>
    private static async Task<List<PropagationTime>> RoundAsync(IReadOnlyList<RemoteEdit> edits, bool[] notified, int round, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var values = edits.Select(edit => edit.ValueAt(round)).ToArray();
        var started = new long[edits.Count];
        for (var i = 0; i < edits.Count; i++)
        {
            started[i] = Stopwatch.GetTimestamp();
            edits[i].Apply(values[i]);
        }

        var arrived = new double?[edits.Count];
        var pending = Enumerable.Range(0, edits.Count).ToList();
        while (pending.Count > 0)
        {
            await Task.Delay(ReadEvery, cancellationToken).ConfigureAwait(false);
            foreach (var i in pending.ToList())
            {
                if (await edits[i].ReadHost(cancellationToken).ConfigureAwait(false) == values[i])
                {
                    arrived[i] = Stopwatch.GetElapsedTime(started[i]).TotalMilliseconds;
                    pending.Remove(i);
                }
                else if (Stopwatch.GetElapsedTime(started[i]) > timeout)
                {
                    pending.Remove(i);
                }
            }
        }

        return [.. edits.Select((edit, i) => new PropagationTime(edit.Flow.Target.System, edit.FlowName, notified[i], arrived[i]))];
    }

    private static string RoundLine(string round, List<PropagationTime> times, TimeSpan timeout)
    {
        var arrived = times.Where(time => time.Arrived).ToList();
        return arrived.Count == times.Count
            ? string.Create(CultureInfo.InvariantCulture, $"  {round}: {times.Count} edits arrived, the slowest in {arrived.Max(time => time.Milliseconds):#,0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"  {round}: {arrived.Count} of {times.Count} edits arrived; NOT ARRIVED within {timeout.TotalSeconds} s: {string.Join(", ", times.Where(time => !time.Arrived).Select(time => time.Flow))}");
    }

    /// <summary>Whether notifications are on in <paramref name="host"/> and a change source of <paramref name="system"/> runs in it.</summary>
    private static bool Notifies(IHostApp host, string system) =>
        host.Services.GetRequiredService<IOptions<SyncNotificationOptions>>().Value.Enabled
        && host.Services.GetServices<ISyncChangeSource>().Any(source => string.Equals(source.System, system, StringComparison.OrdinalIgnoreCase));

    private static IHostApp Host(IReadOnlyList<IHostApp> hosts, RemoteEdit edit) =>
        hosts.Single(host => string.Equals(host.Name, edit.Flow.Host, StringComparison.OrdinalIgnoreCase));
}
