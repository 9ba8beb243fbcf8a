using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Tests.Http;

/// <summary>The token cache every session keeps its token in: renewal when due, one fetch at a time, refusals.</summary>
public sealed class TokenCacheTests
{
    [Fact]
    public async Task A_token_is_kept_until_it_is_due_and_then_fetched_again()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        using var cache = new TokenCache<string>(clock);
        var fetches = 0;
        Task<(string, DateTimeOffset)> Fetch(CancellationToken cancellationToken) => Task.FromResult(("token-" + ++fetches, clock.GetUtcNow().AddMinutes(10)));

        Assert.Equal("token-1", await cache.GetAsync(Fetch, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("token-1", await cache.GetAsync(Fetch, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("token-2", await cache.GetAsync(Fetch, CancellationToken.None));
    }

    [Fact]
    public async Task Calls_that_find_no_token_share_one_fetch()
    {
        using var cache = new TokenCache<string>(new ManualClock(DateTimeOffset.UnixEpoch));
        var release = new TaskCompletionSource();
        var fetches = 0;
        async Task<(string, DateTimeOffset)> Fetch(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref fetches);
            await release.Task;
            return ("token", DateTimeOffset.MaxValue);
        }

        var calls = Enumerable.Range(0, 5).Select(_ => cache.GetAsync(Fetch, CancellationToken.None)).ToList();
        release.SetResult();

        Assert.All(await Task.WhenAll(calls), token => Assert.Equal("token", token));
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task A_refused_token_is_dropped_but_a_refusal_of_one_already_replaced_keeps_the_new_one()
    {
        using var cache = new TokenCache<string>(new ManualClock(DateTimeOffset.UnixEpoch));
        var fetches = 0;
        Task<(string, DateTimeOffset)> Fetch(CancellationToken cancellationToken) => Task.FromResult(("token-" + ++fetches, DateTimeOffset.MaxValue));
        var first = await cache.GetAsync(Fetch, CancellationToken.None);

        cache.Invalidate(first);
        var second = await cache.GetAsync(Fetch, CancellationToken.None);
        cache.Invalidate(first); // a call that still held the first token is refused late

        Assert.Equal(("token-1", "token-2"), (first, second));
        Assert.Equal("token-2", await cache.GetAsync(Fetch, CancellationToken.None));
    }

    [Fact]
    public async Task A_replacement_takes_the_place_of_a_token_that_is_not_due()
    {
        using var cache = new TokenCache<string>(new ManualClock(DateTimeOffset.UnixEpoch));
        await cache.GetAsync(_ => Task.FromResult(("old", DateTimeOffset.MaxValue)), CancellationToken.None);

        await cache.ReplaceAsync(_ => Task.FromResult(("redeemed", DateTimeOffset.MaxValue)), CancellationToken.None);

        Assert.Equal("redeemed", await cache.GetAsync(_ => Task.FromResult(("fetched", DateTimeOffset.MaxValue)), CancellationToken.None));
    }
}
