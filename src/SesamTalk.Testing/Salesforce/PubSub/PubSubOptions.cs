using System.Security.Cryptography.X509Certificates;

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

    /// <summary>
    /// A server certificate (with its private key) for clients that insist on TLS, as Salesforce's endpoint has it: the
    /// Pub/Sub port then speaks HTTP/2 over TLS and <see cref="SalesforceEmulator.PubSubUrl"/> is <c>https://…</c>.
    /// Null (the default): plaintext HTTP/2.
    /// </summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>The most events one FetchResponse carries.</summary>
    public int MaxEventsPerResponse { get; set; } = 100;
}
