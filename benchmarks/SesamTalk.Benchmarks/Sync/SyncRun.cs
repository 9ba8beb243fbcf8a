namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// One system and size: the engine's scenarios, then the connector-only baseline's, each side in a child process of
/// its own per state, against an emulator this process runs and seeds before the timed part.
/// </summary>
internal static class SyncRun
{
    /// <summary>Long enough for the edits and seeds to be behind every change feed's horizon (Salesforce stamps to the second).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1.1);

    /// <param name="system">The system's name (<see cref="SyncSystems"/>).</param>
    /// <param name="records">How many records.</param>
    /// <param name="scenarios">The scenarios wanted: a state runs when one of its scenarios is wanted, and then all of them (each starts where the one before it ended).</param>
    /// <param name="gcSampleMilliseconds">How often the children log their GC heap; 0 for never.</param>
    public static async Task<IReadOnlyList<SyncRow>> RunAsync(string system, int records, IReadOnlySet<string> scenarios, int gcSampleMilliseconds)
    {
        var engine = await RunSideAsync(system, records, ChildProtocol.Engine, scenarios, gcSampleMilliseconds).ConfigureAwait(false);
        var connector = await RunSideAsync(system, records, ChildProtocol.Connector, scenarios, gcSampleMilliseconds).ConfigureAwait(false);
        return [.. engine.Zip(connector, (e, c) => SyncRow.From(system, records, e, c))];
    }

    /// <summary>
    /// Runs both sides' scenarios at <paramref name="records"/> and drops their figures, so the emulator's code in this
    /// process is compiled before anything is timed. Without it the side measured first (the engine) paid the emulator's
    /// JIT: 1.8 of this process's CPU seconds went to compiling during the engine's first cycle at 100,000 records
    /// against the custom system, 0.1 during the baseline's. Each side's own child still starts cold.
    /// </summary>
    public static async Task WarmUpAsync(string system, int records, IReadOnlySet<string> scenarios)
    {
        Log(system, records, "warm-up", "the emulator's code, untimed");
        await RunSideAsync(system, records, ChildProtocol.Engine, scenarios, 0).ConfigureAwait(false);
        await RunSideAsync(system, records, ChildProtocol.Connector, scenarios, 0).ConfigureAwait(false);
    }

    private static async Task<List<ChildResult>> RunSideAsync(string system, int records, string mode, IReadOnlySet<string> scenarios, int gcSampleMilliseconds)
    {
        var results = new List<ChildResult>();
        if (scenarios.Contains(SyncScenarios.FirstHostToRemote))
        {
            await RunFirstHostToRemoteAsync(system, records, mode, gcSampleMilliseconds, results).ConfigureAwait(false);
        }

        if (scenarios.Overlaps([SyncScenarios.FirstRemoteToHost, SyncScenarios.NothingChanged, SyncScenarios.OnePercentChanged]))
        {
            await RunFromRemoteAsync(system, records, mode, gcSampleMilliseconds, results).ConfigureAwait(false);
        }

        if (scenarios.Contains(SyncScenarios.FirstLinkByKey))
        {
            await RunFirstLinkByKeyAsync(system, records, mode, gcSampleMilliseconds, results).ConfigureAwait(false);
        }

        return results;
    }

    private static async Task RunFirstHostToRemoteAsync(string system, int records, string mode, int gcSampleMilliseconds, List<ChildResult> results)
    {
        await using (var state = await SyncState.StartAsync(system, records, mode, gcSampleMilliseconds).ConfigureAwait(false))
        {
            Log(system, records, mode, $"seeding {records:N0} host records");
            await HostDatabase.SeedAsync(state.Start.HostStore, records, BenchData.Host, CancellationToken.None).ConfigureAwait(false);
            await using var child = ChildProcess.Start(state.Start);
            results.Add(await RunAsync(child, system, records, mode, SyncScenarios.FirstHostToRemote).ConfigureAwait(false));
        }
    }

    /// <summary>The first cycle from the remote system, then the next with nothing changed, then one after 1 % of edits.</summary>
    private static async Task RunFromRemoteAsync(string system, int records, string mode, int gcSampleMilliseconds, List<ChildResult> results)
    {
        await using (var state = await SyncState.StartAsync(system, records, mode, gcSampleMilliseconds).ConfigureAwait(false))
        {
            Log(system, records, mode, $"seeding {records:N0} remote records");
            state.Remote.Seed(records);
            await Task.Delay(Settle).ConfigureAwait(false);
            await using var child = ChildProcess.Start(state.Start);
            results.Add(await RunAsync(child, system, records, mode, SyncScenarios.FirstRemoteToHost).ConfigureAwait(false));
            results.Add(await RunAsync(child, system, records, mode, SyncScenarios.NothingChanged).ConfigureAwait(false));

            var host = await HostDatabase.EditAsync(state.Start.HostStore, SyncScenarios.EditEvery, 0, CancellationToken.None).ConfigureAwait(false);
            var remote = state.Remote.Edit(SyncScenarios.EditEvery, SyncScenarios.EditEvery / 2);
            Log(system, records, mode, $"edited {host:N0} host and {remote:N0} remote records");
            await Task.Delay(Settle).ConfigureAwait(false);
            results.Add(await RunAsync(child, system, records, mode, SyncScenarios.OnePercentChanged).ConfigureAwait(false));
        }
    }

    private static async Task RunFirstLinkByKeyAsync(string system, int records, string mode, int gcSampleMilliseconds, List<ChildResult> results)
    {
        await using (var state = await SyncState.StartAsync(system, records, mode, gcSampleMilliseconds).ConfigureAwait(false))
        {
            Log(system, records, mode, $"seeding the same {records:N0} records on both sides");
            state.Remote.Seed(records);
            await HostDatabase.SeedAsync(state.Start.HostStore, records, BenchData.Remote, CancellationToken.None).ConfigureAwait(false);
            await Task.Delay(Settle).ConfigureAwait(false);
            await using var child = ChildProcess.Start(state.Start);
            results.Add(await RunAsync(child, system, records, mode, SyncScenarios.FirstLinkByKey).ConfigureAwait(false));
        }
    }

    private static async Task<ChildResult> RunAsync(ChildProcess child, string system, int records, string mode, string scenario)
    {
        Log(system, records, mode, scenario + "...");
        var result = await child.RunAsync(scenario).ConfigureAwait(false);
        Log(system, records, mode, $"{scenario}: {result.Seconds:0.00} s, {result.ApiCalls:N0} calls, read {result.Read:N0}, created {result.Created:N0}, updated {result.Updated:N0}, linked {result.Links:N0}{(result.StopReason is null ? "" : ", " + result.StopReason)}");
        return result;
    }

    private static void Log(string system, int records, string mode, string text) =>
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {system} {records:N0} {mode}: {text}");
}
