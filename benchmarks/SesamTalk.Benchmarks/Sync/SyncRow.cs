namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// One scenario of one system and size, as printed and written to JSON: the engine's figures next to the
/// connector-only baseline's. Records per second and allocated bytes per record are per the run's N records; the
/// CPU seconds of each side (its child's user and system time) say how much of the wall time was its own work on a
/// machine shared with other load, and compare the two sides where the wall times do not.
/// </summary>
internal sealed record SyncRow(
    string System,
    string Scenario,
    int Records,
    double EngineSeconds,
    double ConnectorSeconds,
    double EngineCpuSeconds,
    double EngineJitSeconds,
    double ConnectorCpuSeconds,
    double ConnectorJitSeconds,
    double RecordsPerSecond,
    long ApiCalls,
    long MinimumApiCalls,
    double PeakWorkingSetMiB,
    bool PeakIsPerScenario,
    double PeakHeapMiB,
    long LinkStoreBytes,
    int Links,
    double BytesPerLink,
    double AllocatedBytesPerRecord,
    int Read,
    int Created,
    int Updated,
    int Unchanged,
    string? StopReason)
{
    public static SyncRow From(string system, int records, ChildResult engine, ChildResult connector) => new(
        system,
        engine.Scenario,
        records,
        Math.Round(engine.Seconds, 3),
        Math.Round(connector.Seconds, 3),
        Math.Round(engine.CpuSeconds, 3),
        Math.Round(engine.JitSeconds, 3),
        Math.Round(connector.CpuSeconds, 3),
        Math.Round(connector.JitSeconds, 3),
        Math.Round(records / engine.Seconds, 0),
        engine.ApiCalls,
        connector.ApiCalls,
        Math.Round(engine.PeakWorkingSetBytes / (1024.0 * 1024.0), 1),
        engine.PeakIsPerScenario,
        Math.Round(engine.PeakHeapBytes / (1024.0 * 1024.0), 1),
        engine.LinkStoreBytes,
        engine.Links,
        engine.Links == 0 ? 0 : Math.Round((double)engine.LinkStoreBytes / engine.Links, 1),
        Math.Round((double)engine.AllocatedBytes / records, 0),
        engine.Read,
        engine.Created,
        engine.Updated,
        engine.Unchanged,
        engine.StopReason);
}
