using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>The counters of one engine's meter, summed by instrument and by the measurement's <c>type</c> tag.</summary>
internal sealed class MeterCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Type), long> _sums = new();

    public MeterCounts(SyncMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == metrics.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var type = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "type")
                {
                    type = tag.Value as string ?? "";
                }
            }

            _sums.AddOrUpdate((instrument.Name, type), value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    /// <summary>The sum of <paramref name="instrument"/>'s measurements, of every type.</summary>
    public long Sum(string instrument) => _sums.Where(sum => sum.Key.Instrument == instrument).Sum(sum => sum.Value);

    /// <summary>The sum of <paramref name="instrument"/>'s measurements tagged with remote type <paramref name="type"/>.</summary>
    public long Sum(string instrument, string type) => _sums.GetValueOrDefault((instrument, type));

    public void Dispose() => _listener.Dispose();
}
