using System.Net;
using SesamTalk.Connectors.Custom;
using SesamTalk.Connectors.Hosting;

namespace SesamTalk.Connectors.Tests.Custom;

/// <summary>The pacing handler on its own, on a clock whose timers end before the time they were set for.</summary>
public sealed class CustomRateLimitHandlerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_timer_that_ends_before_the_reset_is_followed_by_another_wait_not_by_the_call()
    {
        var clock = new EarlyTimerClock(Start);
        var server = new WindowServer(clock, resetSeconds: 1);
        using var client = Client(server, clock, maxWait: TimeSpan.FromMinutes(1));

        (await client.GetAsync("/changes")).Dispose(); // spends the window: Remaining 0, Reset 1
        (await client.GetAsync("/changes")).Dispose();

        Assert.Equal(2, server.Calls.Count);
        Assert.True(server.Calls[1] >= Start.AddSeconds(1), $"the second call went at {server.Calls[1]:HH:mm:ss.fff}, before the window reset");
        Assert.True(clock.TimersStarted > 1); // the first timer ended early and the handler waited again
    }

    [Fact]
    public async Task A_reset_further_away_than_the_longest_wait_stops_with_the_quota_exception_and_sends_nothing()
    {
        var clock = new EarlyTimerClock(Start);
        var server = new WindowServer(clock, resetSeconds: 3600);
        using var client = Client(server, clock, maxWait: TimeSpan.FromMinutes(1));

        (await client.GetAsync("/changes")).Dispose();
        var stop = await Assert.ThrowsAsync<SyncQuotaExhaustedException>(() => client.GetAsync("/changes"));

        Assert.Single(server.Calls);
        Assert.Equal(Start.AddHours(1), stop.ResetsAt);
    }

    [Fact]
    public async Task In_the_background_sync_a_reset_further_away_than_it_allows_stops_at_once_though_the_options_would_wait()
    {
        using var patience = RateLimitPatience.Allow(TimeSpan.FromSeconds(2));
        var clock = new EarlyTimerClock(Start);
        var server = new WindowServer(clock, resetSeconds: 10);
        using var client = Client(server, clock, maxWait: TimeSpan.FromMinutes(1));

        (await client.GetAsync("/changes")).Dispose();
        var stop = await Assert.ThrowsAsync<SyncQuotaExhaustedException>(() => client.GetAsync("/changes"));

        Assert.Single(server.Calls);
        Assert.Equal(0, clock.TimersStarted);
        Assert.Equal(Start.AddSeconds(10), stop.ResetsAt);
    }

    private static HttpClient Client(WindowServer server, TimeProvider clock, TimeSpan maxWait) =>
        new(new CustomRateLimitHandler(new CustomRateLimitWindow("Customcrm"), maxWait, clock) { InnerHandler = server })
        {
            BaseAddress = new Uri("http://127.0.0.1/"),
        };

    /// <summary>Answers every call as the last one of its window: nothing remains until the reset.</summary>
    private sealed class WindowServer(TimeProvider clock, int resetSeconds) : HttpMessageHandler
    {
        public List<DateTimeOffset> Calls { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls.Add(clock.GetUtcNow());
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            response.Headers.Add("RateLimit-Limit", "1");
            response.Headers.Add("RateLimit-Remaining", "0");
            response.Headers.Add("RateLimit-Reset", resetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.FromResult(response);
        }
    }

    /// <summary>A clock whose timers move it on by only half the time they were set for before they fire.</summary>
    private sealed class EarlyTimerClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public int TimersStarted { get; private set; }

        public override DateTimeOffset GetUtcNow() => _now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            TimersStarted++;
            _now += dueTime / 2;
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new FiredTimer();
        }

        private sealed class FiredTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
