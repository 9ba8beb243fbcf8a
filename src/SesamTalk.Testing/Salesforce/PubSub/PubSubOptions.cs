namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>Settings of the emulator's Pub/Sub API (<see cref="SalesforceEmulatorOptions.PubSub"/>).</summary>
public sealed class PubSubOptions
{
    /// <summary>How long change events stay on the event bus, on the emulator's clock (Salesforce: 72 hours).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// How long a subscription without events to deliver waits before it sends an empty FetchResponse with the latest
    /// replay id (Salesforce: within 270 seconds), on the system clock.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(270);

    /// <summary>The most events one FetchResponse carries.</summary>
    public int MaxEventsPerResponse { get; set; } = 100;
}
