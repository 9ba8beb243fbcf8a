using Microsoft.Extensions.Logging;

namespace SesamTalk.Connectors.Engine;

/// <summary>The engine's log messages about cycles of one flow meeting in this process.</summary>
internal static partial class LeaseLog
{
    [LoggerMessage(20, LogLevel.Information, "{Flow}: a cycle of this flow is running in this process; this one waits for it to end, then runs")]
    public static partial void WaitingForRunningCycle(ILogger logger, string flow);
}
