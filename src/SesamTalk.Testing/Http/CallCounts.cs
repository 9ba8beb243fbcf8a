using System.Collections.Concurrent;

namespace SesamTalk.Testing.Http;

/// <summary>Requests received per endpoint, as an emulator's <c>CallCounts</c> reports them.</summary>
/// <typeparam name="TEndpoint">The emulator's endpoints.</typeparam>
internal sealed class CallCounts<TEndpoint>
    where TEndpoint : struct, Enum
{
    private readonly ConcurrentDictionary<TEndpoint, int> _calls = new();

    /// <summary>A copy of the counts.</summary>
    public IReadOnlyDictionary<TEndpoint, int> Snapshot => new Dictionary<TEndpoint, int>(_calls);

    public void Count(TEndpoint endpoint) => _calls.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    public int Get(TEndpoint endpoint) => _calls.GetValueOrDefault(endpoint);

    public void Reset() => _calls.Clear();
}
