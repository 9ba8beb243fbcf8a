using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The engine's spans on the <c>SesamTalk</c> activity source: <c>sesamtalk.cycle</c> for one cycle of one flow,
/// <c>sesamtalk.unit</c> for the writes and commit of each unit of work in it, and <c>sesamtalk.call</c> for each call
/// the engine makes to a connector (the HTTP requests a connector sends nest under it, as spans of .NET's
/// <c>System.Net.Http</c> source). Tagged with the entity, system, type, operation, record counts and outcome; never
/// with field values, record contents, error texts or credentials. An activity is created only while a listener (an
/// OpenTelemetry tracer provider, an <see cref="ActivityListener"/>) samples the source.
/// </summary>
public static class SyncTracing
{
    /// <summary>The activity source's name, the same as the meter's (<see cref="SyncMetrics.MeterName"/>).</summary>
    public const string SourceName = "SesamTalk";

    private static readonly ActivitySource Source = new(SourceName, typeof(SyncTracing).Assembly.GetName().Version?.ToString());

    /// <summary>What a cycle's span says it did, as the report counts it.</summary>
    private static readonly (string Tag, Func<SyncFlowReport, object> Value)[] CycleCounts =
    [
        ("sesamtalk.records.read", report => report.Read),
        ("sesamtalk.records.created", report => report.Created),
        ("sesamtalk.records.updated", report => report.Updated),
        ("sesamtalk.records.deleted", report => report.Deleted),
        ("sesamtalk.conflicts", report => report.Conflicts),
        ("sesamtalk.records.quarantined", report => report.Quarantined),
        ("sesamtalk.api_calls", report => report.ApiCalls),
        ("sesamtalk.stopped", report => report.Stopped),
    ];

    /// <summary>Starts the span of one flow cycle (null when nobody listens).</summary>
    internal static Activity? StartCycle(FlowTags flow, bool planning)
    {
        var span = Start("sesamtalk.cycle", flow);
        span?.SetTag("sesamtalk.dry_run", planning);
        return span;
    }

    /// <summary>Tags the cycle's span with what the cycle did.</summary>
    internal static void Finished(Activity? span, SyncFlowReport report)
    {
        if (span is null)
        {
            return;
        }

        foreach (var (tag, value) in CycleCounts)
        {
            span.SetTag(tag, value(report));
        }
    }

    /// <summary>Starts the span of one unit of work's writes and commit.</summary>
    internal static Activity? StartUnit(FlowTags flow, SyncSide source, int records)
    {
        var span = Start("sesamtalk.unit", flow);
        span?.SetTag("sesamtalk.side", source == SyncSide.Local ? "local" : "remote");
        span?.SetTag("sesamtalk.records", records);
        return span;
    }

    /// <summary>Tags a unit's span, once committed, with how many of its records were set aside.</summary>
    internal static void Committed(Activity? span, int quarantined) => span?.SetTag("sesamtalk.records.quarantined", quarantined);

    /// <summary>Starts the span of one connector call.</summary>
    internal static Activity? StartCall(FlowTags flow, string operation)
    {
        var span = Start("sesamtalk.call", flow);
        if (span is not null)
        {
            span.DisplayName = "sesamtalk.call " + operation;
            span.SetTag("sesamtalk.operation", operation);
        }

        return span;
    }

    /// <summary>Tags a connector call's span with the records its answer carries, and for writes how many the system rejected.</summary>
    internal static void Answered(Activity? span, object? answer)
    {
        if (span is null)
        {
            return;
        }

        switch (answer is IStrongBox box ? box.Value : answer)
        {
            case IReadOnlyList<RemoteWriteResult> results:
                span.SetTag("sesamtalk.records", results.Count);
                span.SetTag("sesamtalk.records.rejected", results.Count(result => !result.Succeeded));
                break;
            case IReadOnlyCollection<SyncRecord> records:
                span.SetTag("sesamtalk.records", records.Count);
                break;
            case RemoteChangePage page:
                span.SetTag("sesamtalk.records", page.Records.Count);
                break;
            case IReadOnlyCollection<string> ids:
                span.SetTag("sesamtalk.records", ids.Count);
                break;
            case SyncRecord:
                span.SetTag("sesamtalk.records", 1);
                break;
            case null:
                span.SetTag("sesamtalk.records", 0);
                break;
        }
    }

    /// <summary>Marks a span failed with the error's type (its message may quote a value, so it is left out).</summary>
    internal static void Failed(Activity? span, Exception error)
    {
        span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        span?.SetTag("error.type", error.GetType().FullName);
    }

    private static Activity? Start(string name, FlowTags flow)
    {
        var span = Source.StartActivity(name, ActivityKind.Internal);
        if (span is not null)
        {
            span.SetTag("sesamtalk.entity", flow.Entity.Value);
            span.SetTag("sesamtalk.system", flow.System.Value);
            span.SetTag("sesamtalk.type", flow.Type.Value);
        }

        return span;
    }
}
