using Microsoft.Extensions.Logging;

namespace SesamTalk.Connectors.Engine;

/// <summary>The engine's log messages about flow leases: cycles of one flow meeting in this process, and renewals in the background.</summary>
internal static partial class LeaseLog
{
    [LoggerMessage(20, LogLevel.Information, "{Flow}: a cycle of this flow is running in this process; this one waits for it to end, then runs")]
    public static partial void WaitingForRunningCycle(ILogger logger, string flow);

    [LoggerMessage(21, LogLevel.Warning, "{Flow}: the lease was taken over by another process while this cycle ran; its next commit will be refused")]
    public static partial void LeaseLostWhileRunning(ILogger logger, string flow);

    [LoggerMessage(22, LogLevel.Warning, "{Flow}: renewing the lease in the background failed; trying again")]
    public static partial void RenewalFailed(ILogger logger, string flow, Exception error);
}
