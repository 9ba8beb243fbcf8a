using System.Globalization;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// <c>sync --records N[,N...] --system custom|salesforce [--scenarios NAME[,NAME...]] [--json PATH] [--gc-samples MS] [--warmup N]</c> (issue 13): per size, the engine's
/// scenarios (<see cref="SyncScenarios"/>) and a connector-only baseline doing the same reads and writes, against the
/// system's emulator on loopback, each side in a child process so its peak working set is the engine's own.
/// </summary>
internal static class SyncBenchmark
{
    /// <summary>Records of the untimed warm-up of each system's emulator (<see cref="SyncRun.WarmUpAsync"/>); <c>--warmup 0</c> skips it.</summary>
    private const int DefaultWarmUp = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = CommandOptions.Text(args, "--records", "10000").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(size => int.Parse(size.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture))
            .ToList();
        var systems = CommandOptions.Text(args, "--system", SyncSystems.Custom).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var json = CommandOptions.Text(args, "--json", "");
        var gcSamples = CommandOptions.Number(args, "--gc-samples", 0);
        var warmup = CommandOptions.Number(args, "--warmup", DefaultWarmUp);
        var scenarios = CommandOptions.Text(args, "--scenarios", string.Join(',', SyncScenarios.All)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (sizes.Count == 0 || sizes.Any(size => size < 1) || systems.Length == 0 || !systems.All(SyncSystems.IsKnown) || scenarios.Count == 0 || !scenarios.IsSubsetOf(SyncScenarios.All))
        {
            await Console.Error.WriteLineAsync($"usage: sync --records N[,N...] --system custom|salesforce [--scenarios {string.Join('|', SyncScenarios.All)}[,...]] [--json PATH] [--gc-samples MS] [--warmup N]").ConfigureAwait(false);
            return 2;
        }

        var rows = new List<SyncRow>();
        foreach (var system in systems)
        {
            if (warmup > 0)
            {
                await SyncRun.WarmUpAsync(system, warmup, scenarios).ConfigureAwait(false);
            }

            foreach (var size in sizes)
            {
                rows.AddRange(await SyncRun.RunAsync(system, size, scenarios, gcSamples).ConfigureAwait(false));
            }
        }

        SyncReportWriter.WriteTable(Console.Out, rows);
        if (json.Length > 0)
        {
            await SyncReportWriter.WriteJsonAsync(json, rows).ConfigureAwait(false);
        }

        return 0;
    }
}
