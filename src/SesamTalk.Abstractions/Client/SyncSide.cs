namespace SesamTalk;

/// <summary>The two sides of a flow.</summary>
public enum SyncSide
{
    /// <summary>The host application.</summary>
    Local = 0,

    /// <summary>The remote system.</summary>
    Remote = 1,
}
