using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Salesforce;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Samples.SyncJob.Remote;

/// <summary>The options of the emulators <see cref="EmbeddedSystems"/> starts (their limits, clocks); the emulators' own defaults unless set.</summary>
public sealed class EmbeddedEmulatorOptions
{
    /// <summary>The Salesforce org's options.</summary>
    public SalesforceEmulatorOptions Salesforce { get; init; } = new();

    /// <summary>The Exact Online division's options.</summary>
    public ExactOnlineEmulatorOptions ExactOnline { get; init; } = new();

    /// <summary>The SuperOffice tenant's options.</summary>
    public SuperOfficeEmulatorOptions SuperOffice { get; init; } = new();

    /// <summary>The Customcrm's requests allowed per minute.</summary>
    public int CustomcrmRateLimit { get; init; } = 1000;
}
