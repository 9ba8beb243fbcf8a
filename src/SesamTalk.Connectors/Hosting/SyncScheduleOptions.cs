namespace SesamTalk.Connectors.Hosting;

/// <summary>When the background sync runs. Bound from <c>SesamTalk:Schedule</c>.</summary>
public sealed class SyncScheduleOptions
{
    /// <summary>Whether the background sync runs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The wait after a flow's cycle that did not fail, before the flow runs again.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before the first run, so the host finishes starting.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest wait of a failing flow: each failed cycle of the flow in a row doubles its wait, from
    /// <see cref="Interval"/> up to this. Only that flow waits longer; the others keep <see cref="Interval"/>.
    /// </summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
}
