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

    /// <summary>
    /// A record that cannot be mapped, translated or saved: it is quarantined with the error and the cycle goes on. Only
    /// errors of the data count: the mapping's (<see cref="SyncMappingException"/>), a value that cannot become the
    /// asked type (<see cref="SyncValueException"/>), a reference not linked yet, and the host store's validation of the
    /// record. Any other exception (an <see cref="ArgumentException"/>, a cast or an overflow in code) is a bug, not a
    /// bad record: it is not set aside as one, and leaves the cycle.
    /// </summary>
    public static bool IsBadRecord(Exception error) => error
        is SyncMappingException
        or SyncValueException
        or SyncReferenceException
        or System.ComponentModel.DataAnnotations.ValidationException;
}
