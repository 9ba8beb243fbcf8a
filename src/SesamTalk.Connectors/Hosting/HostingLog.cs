using Microsoft.Extensions.Logging;

namespace SesamTalk.Connectors.Hosting;

/// <summary>The background sync's log messages.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(101, LogLevel.Information, "SesamTalk background sync is disabled (SesamTalk:Schedule:Enabled = false)")]
    public static partial void ScheduleDisabled(ILogger logger);

    [LoggerMessage(102, LogLevel.Information, "SesamTalk run done: {Flows} flows, {Failed} failed, {Held} held by the mass-change breaker, {Elsewhere} left to other instances")]
    public static partial void RunDone(ILogger logger, int flows, int failed, int held, int elsewhere);

    [LoggerMessage(103, LogLevel.Error, "SesamTalk could not sync {Entity}")]
    public static partial void EntityFailed(ILogger logger, string entity, Exception error);

    [LoggerMessage(104, LogLevel.Debug, "SesamTalk next run in {Wait}")]
    public static partial void NextRun(ILogger logger, TimeSpan wait);

    [LoggerMessage(105, LogLevel.Information, "SesamTalk {Flow} failed {Failures} runs in a row; it backs off and runs again in {Wait}, the other flows keep their interval")]
    public static partial void FlowBacksOff(ILogger logger, string flow, int failures, TimeSpan wait);

    [LoggerMessage(106, LogLevel.Debug, "SesamTalk {Flow} is disabled (Enabled = false in its flow options); the background sync leaves it out")]
    public static partial void FlowDisabled(ILogger logger, string flow);

    [LoggerMessage(107, LogLevel.Debug, "SesamTalk {Flow} was taken by another instance at {TakenAt}, less than the interval ago; it is left to that instance and due again in {Wait}")]
    public static partial void FlowRanElsewhere(ILogger logger, string flow, DateTimeOffset takenAt, TimeSpan wait);

    [LoggerMessage(108, LogLevel.Information, "SesamTalk {Flow} stopped at its system's limit instead of waiting for it; it runs again when the limit resets, in {Wait}, and the other flows keep their pace")]
    public static partial void FlowWaitsForLimit(ILogger logger, string flow, TimeSpan wait);
}
