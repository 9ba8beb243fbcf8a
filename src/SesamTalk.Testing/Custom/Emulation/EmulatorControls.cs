using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.Custom.Emulation;

/// <summary>What the emulator adds around the contract's endpoints: call counts, injected faults and a rate limit.</summary>
internal sealed class EmulatorControls(RateLimiter limiter)
{
    public FaultInjector<CustomEndpoint> Faults { get; } = new(expiringTokens: false);

    public RateLimiter Limiter { get; } = limiter;

    public CallCounts<CustomEndpoint> Calls { get; } = new();
}
