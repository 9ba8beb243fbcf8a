using System.Diagnostics;
using Xunit.Abstractions;

namespace SesamTalk.EndToEnd.Tests.FaultSoak;

/// <summary>
/// Issue 19's soak: both sample hosts and all four systems, the demo data plus a few records per place, seeded random
/// faults of every kind in every emulator for some cycles, then cycles without faults until one writes nothing. Every
/// record must then exist exactly once in every system and host it belongs in, with all its lines, and nothing may be
/// quarantined. The knobs are in <see cref="SoakSettings"/>; the figures go to the test output.
/// </summary>
public sealed class FaultSoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AfterSeededRandomFaultsEveryRecordExistsOnceEverywhereWithItsLinesAndTheNextCycleWritesNothing()
    {
        var settings = SoakSettings.FromEnvironment();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var cancellationToken = timeout.Token;
        var clock = Stopwatch.StartNew();
        output.WriteLine($"Fault soak: {settings}");
        await using var run = await SoakRun.StartAsync(settings.Records, cancellationToken);
        var seed = await run.CensusAsync(cancellationToken);

        run.StartFaults(settings.Seed, settings.Probability);
        var findings = new List<string>();
        for (var cycle = 1; cycle <= settings.Cycles; cycle++)
        {
            var faulted = await run.CycleAsync(cancellationToken);
            output.WriteLine($"Faulted cycle {cycle}: {faulted.Writes} writes, {faulted.Trouble.Count} flows stopped or failed ({clock.Elapsed:mm\\:ss})");
        }

        run.StopFaults();
        CycleOutcome? last = null;
        var converged = 0;
        for (var cycle = 1; cycle <= SoakSettings.ConvergenceBound && converged == 0; cycle++)
        {
            last = await run.CycleAsync(cancellationToken);
            output.WriteLine($"Cycle {cycle} without faults: {last.Writes} writes ({clock.Elapsed:mm\\:ss})");
            foreach (var trouble in last.Trouble)
            {
                output.WriteLine("  " + trouble);
            }

            converged = last.Writes == 0 && last.Trouble.Count == 0 ? cycle : 0;
        }

        var verdict = SoakFindings.Compare(seed, await run.CensusAsync(cancellationToken));
        if (converged == 0)
        {
            verdict.Add($"Convergence: no cycle wrote nothing within {SoakSettings.ConvergenceBound} cycles after the faults stopped; the last wrote {last!.Writes} record(s) with {last.Trouble.Count} flow(s) stopped or failed");
        }

        foreach (var trouble in last!.Trouble)
        {
            verdict.Add("Last cycle: " + trouble);
        }

        foreach (var quarantined in await run.QuarantinedAsync(last, cancellationToken))
        {
            verdict.Add("Quarantine: " + quarantined);
        }

        WriteFigures(run, converged, verdict, clock.Elapsed);
        Assert.True(verdict.Problems.Count == 0, verdict.Describe(limit: 15));
    }

    private void WriteFigures(SoakRun run, int converged, SoakFindings verdict, TimeSpan elapsed)
    {
        output.WriteLine("Faulted calls per kind:");
        foreach (var (system, emulator) in run.Emulators)
        {
            var counts = emulator.FaultCounts;
            output.WriteLine($"  {system,-12} {counts.Values.Sum(),5}  " + string.Join(", ", counts.Select(pair => $"{pair.Key} {pair.Value}")));
        }

        output.WriteLine($"Cycles to converge after the faults stopped: {(converged > 0 ? converged.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"not within {SoakSettings.ConvergenceBound}")}");
        output.WriteLine($"Duplicates: {verdict.Duplicates}; lost (missing records): {verdict.Missing}; lost lines: {verdict.LostLines}; extra lines: {verdict.ExtraLines}");
        output.WriteLine($"Elapsed: {elapsed:mm\\:ss}");
        output.WriteLine(verdict.Describe(limit: 40));
    }
}
