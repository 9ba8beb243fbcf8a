using System.Diagnostics;
using System.Runtime;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// The hidden <c>sync-child</c> command: one side (engine or connector-only baseline) of one system and size, in its
/// own process, so its peak working set is its own. Runs the scenarios the parent names on stdin, one at a time, and
/// answers each with its figures on stdout (<see cref="ChildProtocol"/>).
/// </summary>
internal static class SyncChild
{
    public static async Task<int> RunAsync(string[] args)
    {
        var start = ChildProtocol.ReadStart(args is [var json] ? json : throw new ArgumentException("sync-child takes one JSON argument."));
        await using var side = await StartSideAsync(start, CancellationToken.None).ConfigureAwait(false);
        while (Console.In.ReadLine() is { } scenario && scenario != ChildProtocol.Exit)
        {
            var result = await MeasureAsync(side, scenario, start).ConfigureAwait(false);
            Console.Out.WriteLine(ChildProtocol.Write(result));
            Console.Out.Flush();
        }

        return 0;
    }

    private static async Task<ChildResult> MeasureAsync(IScenarioSide side, string scenario, ChildStart start)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var perScenario = ProcessMemory.ResetPeak();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jit = JitInfo.GetCompilationTime();
        var heap = HeapPeak.Start();
        var samples = GcSamples.Start(start.Mode + " " + scenario, start.GcSampleMilliseconds);
        var clock = Stopwatch.StartNew();
        SideFigures figures;
        await using (heap.ConfigureAwait(false))
        {
            figures = await side.RunAsync(scenario, CancellationToken.None).ConfigureAwait(false);
        }

        if (samples is not null)
        {
            await samples.DisposeAsync().ConfigureAwait(false);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        jit = JitInfo.GetCompilationTime() - jit;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var peak = ProcessMemory.PeakBytes();
        return new ChildResult(
            scenario, seconds, cpu.TotalSeconds, jit.TotalSeconds, figures.ApiCalls, peak, perScenario, heap.Bytes, allocated, LinkStoreSize.Bytes(start.LinkStore), figures.Links,
            figures.Read, figures.Created, figures.Updated, figures.Unchanged, figures.StopReason);
    }

    private static Task<IScenarioSide> StartSideAsync(ChildStart start, CancellationToken cancellationToken) => (start.System, start.Mode) switch
    {
        (SyncSystems.Custom, ChildProtocol.Engine) => EngineSide<ShopProduct>.StartAsync(start, ShopProduct.SyncDefinition, cancellationToken),
        (SyncSystems.Custom, _) => ConnectorSide<ShopProduct>.StartAsync(start, ShopProduct.SyncDefinition, cancellationToken),
        (SyncSystems.Salesforce, ChildProtocol.Engine) => EngineSide<SyncProduct>.StartAsync(start, SyncProduct.SyncDefinition, cancellationToken),
        (SyncSystems.Salesforce, _) => ConnectorSide<SyncProduct>.StartAsync(start, SyncProduct.SyncDefinition, cancellationToken),
        _ => throw new ArgumentException($"Unknown system '{start.System}'.", nameof(start)),
    };
}
