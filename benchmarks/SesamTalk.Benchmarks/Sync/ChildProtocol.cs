using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>How the child reaches the emulator the parent runs.</summary>
internal sealed record ChildConnection(string BaseUrl, string Key, string Secret);

/// <summary>
/// The child's start: which side it runs (the engine or the connector-only baseline), for which system and size,
/// against which emulator, host store file and link store file, and how often it logs GC samples (<see cref="GcSamples"/>;
/// 0: never). Passed as one JSON argument after <c>sync-child</c>.
/// </summary>
internal sealed record ChildStart(
    string Mode, string System, int Records, ChildConnection Connection, string HostStore, string LinkStore, string WorkDirectory, int GcSampleMilliseconds = 0);

/// <summary>What the child measured for one scenario; one JSON line on its stdout after <see cref="ChildProtocol.ResultPrefix"/>.</summary>
internal sealed record ChildResult(
    string Scenario,
    double Seconds,
    double CpuSeconds,
    double JitSeconds,
    long ApiCalls,
    long PeakWorkingSetBytes,
    bool PeakIsPerScenario,
    long PeakHeapBytes,
    long AllocatedBytes,
    long LinkStoreBytes,
    int Links,
    int Read,
    int Created,
    int Updated,
    int Unchanged,
    string? StopReason);

/// <summary>
/// The parent-child protocol: the parent writes a scenario name a line on the child's stdin (<see cref="Exit"/> to
/// end), the child answers with one <see cref="ChildResult"/> line on stdout once the scenario ran; the child's log
/// goes to stderr, which it shares with the parent.
/// </summary>
internal static class ChildProtocol
{
    public const string Command = "sync-child";
    public const string ResultPrefix = "RESULT ";
    public const string Exit = "exit";
    public const string Engine = "engine";
    public const string Connector = "connector";

    public static string Write(ChildStart start) => JsonSerializer.Serialize(start, ChildJson.Default.ChildStart);

    public static ChildStart ReadStart(string json) =>
        JsonSerializer.Deserialize(json, ChildJson.Default.ChildStart) ?? throw new InvalidOperationException("No child start.");

    public static string Write(ChildResult result) => ResultPrefix + JsonSerializer.Serialize(result, ChildJson.Default.ChildResult);

    public static ChildResult ReadResult(string line) =>
        JsonSerializer.Deserialize(line[ResultPrefix.Length..], ChildJson.Default.ChildResult) ?? throw new InvalidOperationException("No child result.");
}

[JsonSerializable(typeof(ChildStart))]
[JsonSerializable(typeof(ChildResult))]
internal sealed partial class ChildJson : JsonSerializerContext;
