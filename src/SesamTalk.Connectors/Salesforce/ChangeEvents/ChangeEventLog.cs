using Microsoft.Extensions.Logging;

namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>The change event subscriber's log messages.</summary>
internal static partial class ChangeEventLog
{
    [LoggerMessage(601, LogLevel.Information, "Salesforce change events: subscribing to {Topic} {Start}")]
    public static partial void Subscribing(ILogger logger, string topic, string start);

    [LoggerMessage(602, LogLevel.Warning, "Salesforce change events: the {Topic} stream failed ({Status}), try {Attempt} of {MaxAttempts} to resume in {Delay}")]
    public static partial void Reconnecting(ILogger logger, string topic, Grpc.Core.StatusCode status, int attempt, int maxAttempts, TimeSpan delay);
}
