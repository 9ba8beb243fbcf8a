using System.Collections.Concurrent;

namespace SesamTalk.Testing.Http;

/// <summary>The bearer access tokens an emulator issued, each valid for <paramref name="lifetime"/> from its issue.</summary>
internal sealed class AccessTokens(TimeProvider clock, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiry = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    /// <summary>Starts the lifetime of <paramref name="token"/> (shaped by the emulated system) and returns it.</summary>
    public string Issue(string token)
    {
        _expiry[token] = clock.GetUtcNow() + lifetime;
        return token;
    }

    public bool IsValid(string? token) =>
        token is not null && _expiry.TryGetValue(token, out var expires) && clock.GetUtcNow() < expires;

    /// <summary>Every issued token stops working.</summary>
    public void ExpireAll() => _expiry.Clear();
}
