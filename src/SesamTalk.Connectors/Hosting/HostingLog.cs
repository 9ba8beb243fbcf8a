using Microsoft.Extensions.Logging;

namespace SesamTalk.Connectors.Hosting;

/// <summary>The background sync's log messages.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(101, LogLevel.Information, "SesamTalk background sync is disabled (SesamTalk:Schedule:Enabled = false)")]
    public static partial void ScheduleDisabled(ILogger logger);

    [LoggerMessage(102, LogLevel.Information, "SesamTalk run done: {Flows} flows, {Failed} failed")]
    public static partial void RunDone(ILogger logger, int flows, int failed);

    [LoggerMessage(103, LogLevel.Error, "SesamTalk could not sync {Entity}")]
    public static partial void EntityFailed(ILogger logger, string entity, Exception error);

    [LoggerMessage(104, LogLevel.Debug, "SesamTalk next run in {Wait} ({Failures} failed runs in a row)")]
    public static partial void NextRun(ILogger logger, TimeSpan wait, int failures);
}
