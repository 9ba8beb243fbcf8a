using System.Collections.Concurrent;
using System.Diagnostics;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>
/// Records the engine's spans (<see cref="SyncTracing.SourceName"/>) under a root of its own: tests run side by side,
/// and each sees only the spans of the work it does inside <see cref="StartRoot"/>.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private const string TestSource = "SesamTalk.Engine.Tests.Spans";

    private readonly ActivitySource _source = new(TestSource);
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;
    private ActivityTraceId _trace;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SyncTracing.SourceName or TestSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Source.Name == TestSource || (_trace != default && options.Parent.TraceId == _trace)
                    ? ActivitySamplingResult.AllDataAndRecorded
                    : ActivitySamplingResult.None,
            ActivityStopped = span =>
            {
                if (span.Source.Name == SyncTracing.SourceName)
                {
                    _spans.Enqueue(span);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The engine's spans recorded so far, all under the root.</summary>
    public IReadOnlyList<Activity> Spans => [.. _spans];

    /// <summary>The root the engine's spans are recorded under while it runs; dispose it when the work is done.</summary>
    public Activity StartRoot()
    {
        var root = _source.StartActivity("test") ?? throw new InvalidOperationException("The test source has no listener.");
        _trace = root.TraceId;
        return root;
    }

    /// <summary>The engine's connector calls of <paramref name="operation"/>, e.g. <c>CreateAsync</c>.</summary>
    public IReadOnlyList<Activity> Calls(string operation) =>
        [.. Spans.Where(span => span.OperationName == "sesamtalk.call" && (string?)span.GetTagItem("sesamtalk.operation") == operation)];

    public void Dispose()
    {
        _listener.Dispose();
        _source.Dispose();
    }
}
