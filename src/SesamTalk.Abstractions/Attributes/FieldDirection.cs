namespace SesamTalk;

/// <summary>Which way a field's value travels between the host and a remote system.</summary>
public enum FieldDirection
{
    /// <summary>Both ways.</summary>
    Both = 0,

    /// <summary>Only from the host to the remote system (the remote value is never read back).</summary>
    ToRemote = 1,

    /// <summary>Only from the remote system to the host (for fields the remote system owns or computes).</summary>
    FromRemote = 2,
}
