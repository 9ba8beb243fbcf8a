namespace SesamTalk.Connectors.Hosting;

/// <summary>When the background sync runs. Bound from <c>SesamTalk:Schedule</c>.</summary>
public sealed class SyncScheduleOptions
{
    /// <summary>Whether the background sync runs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The wait after a run whose flows all ran to the end.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before the first run, so the host finishes starting.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest wait after failed runs: each run in a row that has a failed flow doubles the wait, from
    /// <see cref="Interval"/> up to this.
    /// </summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
}
