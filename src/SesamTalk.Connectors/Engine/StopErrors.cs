namespace SesamTalk.Connectors.Engine;

/// <summary>Which failures end a cycle at its last checkpoint, and which set one record aside.</summary>
internal static class StopErrors
{
    /// <summary>
    /// A system that is down, refuses the credentials or is out of quota after the connector's retries, the breaker,
    /// a lost lease: the cycle stops cleanly and the next one resumes at the committed cursors. A connector's own
    /// exception types arrive as <see cref="SyncConnectorException"/> (see <see cref="GuardedConnector"/>), so the
    /// engine knows no connector by name.
    /// </summary>
    public static bool EndsCycle(Exception error) => error
        is HttpRequestException
        or TimeoutException
        or SyncQuotaExhaustedException
        or SyncMassChangeException
        or SyncLeaseLostException
        or SyncConnectorException;

    /// <summary>A record that cannot be mapped, translated or saved: it is quarantined with the error and the cycle goes on.</summary>
    public static bool IsBadRecord(Exception error) => error
        is SyncMappingException
        or SyncReferenceException
        or FormatException
        or ArgumentException
        or InvalidCastException
        or OverflowException
        or System.ComponentModel.DataAnnotations.ValidationException;
}
