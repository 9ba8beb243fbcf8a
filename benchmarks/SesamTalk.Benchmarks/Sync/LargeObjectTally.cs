using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// Part of the <c>--gc-samples</c> diagnostic: the runtime's allocation ticks (one event about every 100 KB allocated,
/// naming the type of the object that crossed it) of large objects (85,000 bytes and over, which live until a gen 2
/// collection), tallied by type, so what fills the large-object heap can be named without a profiler.
/// </summary>
internal sealed class LargeObjectTally : EventListener
{
    private const int GcKeyword = 0x1;
    private const int LargeObjectKind = 1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    /// <summary>The types' tallied bytes, largest first, as one line.</summary>
    public string Summary() => string.Join(", ", _bytes.OrderByDescending(type => type.Value).Take(12)
        .Select(type => string.Create(CultureInfo.InvariantCulture, $"{type.Key} {type.Value / (1024.0 * 1024.0):0.0} MiB")));

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is not { } payload)
        {
            return;
        }

        var kind = Convert.ToInt32(payload[eventData.PayloadNames!.IndexOf("AllocationKind")], CultureInfo.InvariantCulture);
        if (kind == LargeObjectKind)
        {
            var type = payload[eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(payload[eventData.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
