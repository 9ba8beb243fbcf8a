namespace SesamTalk;

/// <summary>Which side's new records create records on the other side of a flow.</summary>
public enum SyncOrigin
{
    /// <summary>Records born in the host create remote records ("host to remote").</summary>
    Local = 0,

    /// <summary>Records born in the remote system create host records ("remote to host").</summary>
    Remote = 1,

    /// <summary>New records on either side create their counterpart.</summary>
    Both = 2,

    /// <summary>
    /// Neither side creates: records are only linked by match keys or references and then kept in sync.
    /// Use it for remote types the real API cannot create (Salesforce's standard <c>Invoice</c>).
    /// </summary>
    None = 3,
}
