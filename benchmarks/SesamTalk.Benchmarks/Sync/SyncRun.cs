namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// One system and size: the engine's scenarios, then the connector-only baseline's, each side in a child process of
/// its own per state, against an emulator this process runs and seeds before the timed part.
/// </summary>
internal static class SyncRun
{
    /// <summary>Long enough for the edits and seeds to be behind every change feed's horizon (Salesforce stamps to the second).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1.1);

    public static async Task<IReadOnlyList<SyncRow>> RunAsync(string system, int records, int gcSampleMilliseconds)
    {
        var engine = await RunSideAsync(system, records, ChildProtocol.Engine, gcSampleMilliseconds).ConfigureAwait(false);
        var connector = await RunSideAsync(system, records, ChildProtocol.Connector, gcSampleMilliseconds).ConfigureAwait(false);
        return [.. engine.Zip(connector, (e, c) => SyncRow.From(system, records, e, c))];
    }

    private static async Task<List<ChildResult>> RunSideAsync(string system, int records, string mode, int gcSampleMilliseconds)
    {
        var results = new List<ChildResult>();
        await using (var state = await SyncState.StartAsync(system, records, mode, gcSampleMilliseconds).ConfigureAwait(false))
        {
            Log(system, records, mode, $"seeding {records:N0} host records");
            await HostDatabase.SeedAsync(state.Start.HostStore, records, BenchData.Host, CancellationToken.None).ConfigureAwait(false);
            await using var child = ChildProcess.Start(state.Start);
            results.Add(await RunAsync(child, system, records, mode, SyncScenarios.FirstHostToRemote).ConfigureAwait(false));
        }

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

        await using (var state = await SyncState.StartAsync(system, records, mode, gcSampleMilliseconds).ConfigureAwait(false))
        {
            Log(system, records, mode, $"seeding the same {records:N0} records on both sides");
            state.Remote.Seed(records);
            await HostDatabase.SeedAsync(state.Start.HostStore, records, BenchData.Remote, CancellationToken.None).ConfigureAwait(false);
            await Task.Delay(Settle).ConfigureAwait(false);
            await using var child = ChildProcess.Start(state.Start);
            results.Add(await RunAsync(child, system, records, mode, SyncScenarios.FirstLinkByKey).ConfigureAwait(false));
        }

        return results;
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
