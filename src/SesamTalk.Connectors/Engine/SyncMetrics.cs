using System.Diagnostics.Metrics;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The engine's instruments on the <c>SesamTalk</c> meter: records read and written, conflicts, echoes suppressed,
/// records quarantined, API calls, cycles held by the mass-change breaker, and each system's quota left. Tagged with
/// the entity, system and type.
/// </summary>
public sealed class SyncMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SesamTalk";

    private readonly Meter _meter;
    private readonly Counter<long> _read;
    private readonly Counter<long> _written;
    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _echoes;
    private readonly Counter<long> _quarantined;
    private readonly Counter<long> _apiCalls;
    private readonly Counter<long> _held;

    /// <summary>Creates the instruments; <paramref name="connectors"/> feed the quota gauge.</summary>
    /// <param name="connectors">The registered connectors.</param>
    public SyncMetrics(IEnumerable<ISyncConnector> connectors)
    {
        var systems = connectors.ToList();
        _meter = new Meter(MeterName);
        _read = _meter.CreateCounter<long>("sesamtalk.records.read", "{record}", "Records read from either side.");
        _written = _meter.CreateCounter<long>("sesamtalk.records.written", "{record}", "Records created, updated or deleted on either side.");
        _conflicts = _meter.CreateCounter<long>("sesamtalk.conflicts", "{field}", "Fields both sides changed, resolved by the field's rule.");
        _echoes = _meter.CreateCounter<long>("sesamtalk.echoes.suppressed", "{record}", "Changes that were the engine's own earlier writes coming back.");
        _quarantined = _meter.CreateCounter<long>("sesamtalk.records.quarantined", "{record}", "Records set aside with an error.");
        _apiCalls = _meter.CreateCounter<long>("sesamtalk.api.calls", "{call}", "Remote API calls.");
        _held = _meter.CreateCounter<long>("sesamtalk.cycles.held", "{cycle}", "Cycles the mass-change breaker stopped: the flow is held until a person approves it once or the source is fixed.");
        _meter.CreateObservableGauge(
            "sesamtalk.quota.remaining",
            () => systems.Where(system => system.Usage is not null)
                .Select(system => new Measurement<long>(system.Usage!.Remaining, new KeyValuePair<string, object?>("system", system.System))),
            "{call}",
            "API calls left in the system's quota window.");
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    /// <summary>This engine's meter (each engine has its own, all named <see cref="MeterName"/>).</summary>
    internal Meter Meter => _meter;

    internal void Read(FlowTags tags, SyncSide side) => _read.Add(1, tags.Entity, tags.System, tags.Type, Side(side));

    internal void Written(FlowTags tags, SyncSide side) => _written.Add(1, tags.Entity, tags.System, tags.Type, Side(side));

    internal void Conflict(FlowTags tags) => _conflicts.Add(1, tags.Entity, tags.System, tags.Type);

    internal void Echo(FlowTags tags, SyncSide side) => _echoes.Add(1, tags.Entity, tags.System, tags.Type, Side(side));

    internal void Quarantined(FlowTags tags) => _quarantined.Add(1, tags.Entity, tags.System, tags.Type);

    internal void ApiCalls(FlowTags tags, long calls) => _apiCalls.Add(calls, tags.Entity, tags.System, tags.Type);

    internal void Held(FlowTags tags) => _held.Add(1, tags.Entity, tags.System, tags.Type);

    private static KeyValuePair<string, object?> Side(SyncSide side) => new("side", side == SyncSide.Local ? "host" : "remote");
}

/// <summary>The tags of one flow's measurements.</summary>
internal sealed class FlowTags(string entity, SyncTarget target)
{
    public KeyValuePair<string, object?> Entity { get; } = new("entity", entity);

    public KeyValuePair<string, object?> System { get; } = new("system", target.System);

    public KeyValuePair<string, object?> Type { get; } = new("type", target.Type);
}
