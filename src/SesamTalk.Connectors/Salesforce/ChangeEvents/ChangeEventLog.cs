using Microsoft.Extensions.Logging;

namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>The change event subscriber's log messages.</summary>
internal static partial class ChangeEventLog
{
    [LoggerMessage(601, LogLevel.Information, "Salesforce change events: subscribing to {Topic} {Start}")]
    public static partial void Subscribing(ILogger logger, string topic, string start);

    [LoggerMessage(602, LogLevel.Warning, "Salesforce change events: the {Topic} stream failed ({Status}), try {Attempt} of {MaxAttempts} to resume in {Delay}")]
    public static partial void Reconnecting(ILogger logger, string topic, Grpc.Core.StatusCode status, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(603, LogLevel.Warning, "Salesforce change events of {System}: the stored replay id of {Topic} has expired; the flows read in full and the stream starts from the newest event")]
    public static partial void ReplayIdExpired(ILogger logger, string system, string topic);

    [LoggerMessage(604, LogLevel.Warning, "Salesforce change events of {System}: the {Topic} stream is lost after {Failures} failure(s) in a row; the flows poll until it is back, subscribing again in {Delay}")]
    public static partial void StreamLost(ILogger logger, string system, string topic, int failures, TimeSpan delay, Exception error);

    [LoggerMessage(605, LogLevel.Warning, "Salesforce change events of {System}: the replay id of {Topic} could not be saved; it is saved with the next one")]
    public static partial void PositionNotSaved(ILogger logger, string system, string topic, Exception error);

    [LoggerMessage(606, LogLevel.Warning, "Salesforce change events of {System}: the link store keeps no replay ids, so {Topic} starts from the newest event after each restart")]
    public static partial void NoPositionStore(ILogger logger, string system, string topic);
}
