using System.Diagnostics.Metrics;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>Counts one engine's <c>sesamtalk.cycles.held</c> measurements (other tests' engines measure on meters of the same name).</summary>
public sealed class HeldCycleCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _cycles;

    public HeldCycleCounter(SyncMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name == "sesamtalk.cycles.held")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _cycles, value));
        _listener.Start();
    }

    /// <summary>The held cycles measured so far.</summary>
    public long Cycles => Interlocked.Read(ref _cycles);

    public void Dispose() => _listener.Dispose();
}
