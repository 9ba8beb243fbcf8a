namespace SesamTalk.Connectors;

/// <summary>A system's API quota as it last reported it.</summary>
/// <param name="Used">Calls used in the current window.</param>
/// <param name="Limit">Calls allowed in the window.</param>
/// <param name="ResetsAt">When the window resets, when the system says.</param>
public sealed record SyncApiUsage(long Used, long Limit, DateTimeOffset? ResetsAt)
{
    /// <summary>Calls left in the window.</summary>
    public long Remaining => Math.Max(0, Limit - Used);
}
