namespace SesamTalk.Connectors;

/// <summary>
/// A connector call failed with an exception the engine does not know: it stops the cycle at its last checkpoint
/// like any failure of a system, with the connector's exception as the inner exception.
/// </summary>
public sealed class SyncConnectorException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="system">The system.</param>
    /// <param name="operation">The connector operation, e.g. <c>CreateAsync</c>.</param>
    /// <param name="inner">The connector's exception.</param>
    public SyncConnectorException(string system, string operation, Exception inner)
        : base($"{system}: {operation} failed: {inner?.Message}", inner)
    {
        System = system;
        Operation = operation;
    }

    /// <summary>The system.</summary>
    public string System { get; }

    /// <summary>The connector operation that failed.</summary>
    public string Operation { get; }
}
