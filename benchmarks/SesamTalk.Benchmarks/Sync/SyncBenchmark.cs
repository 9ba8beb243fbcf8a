using System.Globalization;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// <c>sync --records N[,N...] --system custom|salesforce [--scenarios NAME[,NAME...]] [--json PATH] [--gc-samples MS]</c> (issue 13): per size, the engine's
/// scenarios (<see cref="SyncScenarios"/>) and a connector-only baseline doing the same reads and writes, against the
/// system's emulator on loopback, each side in a child process so its peak working set is the engine's own.
/// </summary>
internal static class SyncBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = CommandOptions.Text(args, "--records", "10000").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(size => int.Parse(size.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture))
            .ToList();
        var systems = CommandOptions.Text(args, "--system", SyncSystems.Custom).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var json = CommandOptions.Text(args, "--json", "");
        var gcSamples = CommandOptions.Number(args, "--gc-samples", 0);
        var scenarios = CommandOptions.Text(args, "--scenarios", string.Join(',', SyncScenarios.All)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (sizes.Count == 0 || sizes.Any(size => size < 1) || systems.Length == 0 || !systems.All(SyncSystems.IsKnown) || scenarios.Count == 0 || !scenarios.IsSubsetOf(SyncScenarios.All))
        {
            await Console.Error.WriteLineAsync($"usage: sync --records N[,N...] --system custom|salesforce [--scenarios {string.Join('|', SyncScenarios.All)}[,...]] [--json PATH] [--gc-samples MS]").ConfigureAwait(false);
            return 2;
        }

        var rows = new List<SyncRow>();
        foreach (var system in systems)
        {
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
