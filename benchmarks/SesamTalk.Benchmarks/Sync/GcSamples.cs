using System.Diagnostics;
using System.Globalization;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// The <c>--gc-samples MS</c> diagnostic: while a scenario runs, one line on stderr every interval with the working
/// set and what <see cref="GC.GetGCMemoryInfo(GCKind)"/> says of the heap (committed, size, fragmentation, each
/// generation's size after the last collection, the collections so far and the last one's kind and promoted bytes)
/// and SQLite's own allocations (its page caches and statements, outside the GC heap: now and at their highest), so a
/// peak can be told apart into live objects, garbage waiting for a collection, SQLite and the rest outside the heap;
/// at the end, the large objects allocated by type (<see cref="LargeObjectTally"/>).
/// </summary>
internal sealed class GcSamples : IAsyncDisposable
{
    private const double MiB = 1024 * 1024;
    private readonly CancellationTokenSource _stop = new();
    private readonly LargeObjectTally _largeObjects = new();
    private readonly string _scenario;
    private readonly Task _sampling;

    private GcSamples(string scenario, TimeSpan interval)
    {
        _scenario = scenario;
        _sampling = SampleAsync(scenario, interval, _stop.Token);
    }

    /// <summary>Starts sampling every <paramref name="milliseconds"/>; null (no sampling) when it is 0.</summary>
    public static GcSamples? Start(string scenario, int milliseconds) =>
        milliseconds > 0 ? new GcSamples(scenario, TimeSpan.FromMilliseconds(milliseconds)) : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _largeObjects.Dispose();
        await Console.Error.WriteLineAsync($"gc {_scenario} large objects: {_largeObjects.Summary()}").ConfigureAwait(false);
    }

    private static async Task SampleAsync(string scenario, TimeSpan interval, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            var generations = string.Join(' ', Enumerable.Range(0, info.GenerationInfo.Length)
                .Select(generation => (info.GenerationInfo[generation].SizeAfterBytes / MiB).ToString("0.0", CultureInfo.InvariantCulture)));
            using var self = Process.GetCurrentProcess();
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"gc {scenario} {clock.Elapsed.TotalSeconds:0.0}s ws={self.WorkingSet64 / MiB:0.0} committed={info.TotalCommittedBytes / MiB:0.0} heap={info.HeapSizeBytes / MiB:0.0} " +
                $"fragmented={info.FragmentedBytes / MiB:0.0} after(g0 g1 g2 loh poh)={generations} collections={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} " +
                $"last=#{info.Index} gen{info.Generation}{(info.Concurrent ? " background" : "")} promoted={info.PromotedBytes / MiB:0.0} " +
                $"sqlite={SQLitePCL.raw.sqlite3_memory_used() / MiB:0.0} sqlite-highwater={SQLitePCL.raw.sqlite3_memory_highwater(0) / MiB:0.0}")).ConfigureAwait(false);
        }
    }
}
