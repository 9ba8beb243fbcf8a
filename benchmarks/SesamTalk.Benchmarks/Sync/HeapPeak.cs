namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// The managed heap's peak during a scenario: the GC's committed bytes, sampled every 50 ms and after each
/// collection's end, so the working set's peak can be told apart into the GC's part and the rest (native buffers such as
/// SQLite's page cache, code, stacks).
/// </summary>
internal sealed class HeapPeak : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    private HeapPeak() => _sampling = SampleAsync(_stop.Token);

    /// <summary>The highest committed size seen so far, in bytes.</summary>
    public long Bytes => Math.Max(Interlocked.Read(ref _peak), Committed());

    public static HeapPeak Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static long Committed() => GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;

    private async Task SampleAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            var committed = Committed();
            if (committed > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, committed);
            }
        }
    }
}
