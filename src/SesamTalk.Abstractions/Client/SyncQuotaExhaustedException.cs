namespace SesamTalk;

/// <summary>
/// A remote system's API quota is used up (or down to the reserve the host keeps for itself). The engine stops the
/// cycle at its last checkpoint and the next cycle resumes there; nothing is retried until <see cref="ResetsAt"/>.
/// </summary>
public sealed class SyncQuotaExhaustedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="system">The remote system.</param>
    /// <param name="used">Calls used in the quota period.</param>
    /// <param name="limit">Calls allowed in the quota period.</param>
    /// <param name="resetsAt">When the quota resets, if the system says.</param>
    public SyncQuotaExhaustedException(string system, long used, long limit, DateTimeOffset? resetsAt)
        : base($"{system}'s API quota is used up ({used} of {limit} calls)" + (resetsAt is { } reset ? $"; it resets at {reset:u}." : "."))
    {
        System = system;
        Used = used;
        Limit = limit;
        ResetsAt = resetsAt;
    }

    /// <summary>The remote system.</summary>
    public string System { get; }

    /// <summary>Calls used in the quota period.</summary>
    public long Used { get; }

    /// <summary>Calls allowed in the quota period.</summary>
    public long Limit { get; }

    /// <summary>When the quota resets, if the system says.</summary>
    public DateTimeOffset? ResetsAt { get; }
}
