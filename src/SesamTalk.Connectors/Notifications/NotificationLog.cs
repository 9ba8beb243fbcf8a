using Microsoft.Extensions.Logging;

namespace SesamTalk.Connectors.Notifications;

/// <summary>The change notifications' log messages.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(301, LogLevel.Debug, "SesamTalk was notified of a change of {Target}, which no enabled flow syncs; nothing runs")]
    public static partial void NoFlowForTarget(ILogger logger, string target);

    [LoggerMessage(302, LogLevel.Debug, "SesamTalk was notified of a save of {Entity}, which has no enabled flow; nothing runs")]
    public static partial void NoFlowForEntity(ILogger logger, string entity);

    [LoggerMessage(303, LogLevel.Information, "SesamTalk notifications for {Target} are live")]
    public static partial void SourceLive(ILogger logger, string target);

    [LoggerMessage(304, LogLevel.Warning, "SesamTalk notifications lost for {Target}: {Reason}; its flows run a cycle now and poll every {Interval}")]
    public static partial void SourceLost(ILogger logger, string target, string reason, TimeSpan interval);

    [LoggerMessage(305, LogLevel.Debug, "SesamTalk {Flow} was notified {Notifications} times of {Records}; its cycle runs now")]
    public static partial void NotifiedRun(ILogger logger, string flow, int notifications, string records);

    [LoggerMessage(306, LogLevel.Error, "SesamTalk change source {System} stopped; notifications for its types are lost and it starts again in {Wait}")]
    public static partial void SourceFailed(ILogger logger, string system, TimeSpan wait, Exception error);

    [LoggerMessage(307, LogLevel.Warning, "SesamTalk change source {System} ended its subscription by itself; it starts again in {Wait}")]
    public static partial void SourceEnded(ILogger logger, string system, TimeSpan wait);

    [LoggerMessage(308, LogLevel.Debug, "SesamTalk change source {System} has no enabled flow; it is not started")]
    public static partial void SourceUnused(ILogger logger, string system);

    [LoggerMessage(309, LogLevel.Information, "SesamTalk {Flow} runs its normal cycle from its cursors instead of reading the notified records by id: {Reason}")]
    public static partial void NormalCycle(ILogger logger, string flow, string reason);

    [LoggerMessage(310, LogLevel.Information, "SesamTalk {Flow} runs once more: notifications for {Target} went live after its cycle began, so what changed in between is read from its cursor")]
    public static partial void CatchUp(ILogger logger, string flow, string target);
}
