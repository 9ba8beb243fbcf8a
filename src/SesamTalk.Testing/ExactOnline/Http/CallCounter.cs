using System.Collections.Concurrent;

namespace SesamTalk.Testing.ExactOnline.Http;

/// <summary>Requests received per endpoint, and per endpoint and entity set (by catalog name).</summary>
internal sealed class CallCounter
{
    private readonly ConcurrentDictionary<(ExactOnlineEndpoint Endpoint, string Entity), int> _calls = new();

    public IReadOnlyDictionary<ExactOnlineEndpoint, int> ByEndpoint =>
        _calls.GroupBy(c => c.Key.Endpoint).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));

    public void Count(ExactOnlineEndpoint endpoint, string entity) => _calls.AddOrUpdate((endpoint, entity), 1, (_, n) => n + 1);

    public int Get(ExactOnlineEndpoint endpoint) => _calls.Where(c => c.Key.Endpoint == endpoint).Sum(c => c.Value);

    public int Get(ExactOnlineEndpoint endpoint, string entity) =>
        _calls.Where(c => c.Key.Endpoint == endpoint && string.Equals(c.Key.Entity, entity, StringComparison.OrdinalIgnoreCase)).Sum(c => c.Value);

    public void Reset() => _calls.Clear();
}
