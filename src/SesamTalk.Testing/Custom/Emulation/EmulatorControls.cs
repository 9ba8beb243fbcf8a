using System.Collections.Concurrent;

namespace SesamTalk.Testing.Custom.Emulation;

/// <summary>What the emulator adds around the contract's endpoints: call counts, injected faults and a rate limit.</summary>
internal sealed class EmulatorControls(RateLimiter limiter)
{
    private readonly ConcurrentDictionary<CustomEndpoint, int> _calls = new();

    public FaultInjector Faults { get; } = new();

    public RateLimiter Limiter { get; } = limiter;

    public IReadOnlyDictionary<CustomEndpoint, int> Calls => new Dictionary<CustomEndpoint, int>(_calls);

    public void CountCall(CustomEndpoint endpoint) => _calls.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    public int CallCount(CustomEndpoint endpoint) => _calls.GetValueOrDefault(endpoint);

    public void ResetCalls() => _calls.Clear();
}
