namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// The longest a connector may wait inside one call for a rate limit to reset, while the background sync runs flows:
/// it runs due flows one after another, so a wait inside one holds every other due flow's cycle (a notified edit of
/// another system included). <see cref="SyncScheduler"/> sets it around its runs; a connector that would wait longer
/// fails the call with <see cref="SyncQuotaExhaustedException"/> carrying the reset instead, the cycle stops at its
/// checkpoint and the flow is due again at the reset. Outside the background sync (a host's own <c>SyncAsync</c>) it
/// is not set and connectors wait out the limit as before.
/// </summary>
/// <remarks>An ambient value (it flows with the async calls the run makes), so the engine between the scheduler and the connector needs no parameter for it.</remarks>
internal static class RateLimitPatience
{
    private static readonly AsyncLocal<TimeSpan?> Limit = new();

    /// <summary>The longest wait allowed in the current run, or null when any wait is.</summary>
    public static TimeSpan? MaxWait => Limit.Value;

    /// <summary>Allows waits of at most <paramref name="maxWait"/> until the returned scope is disposed.</summary>
    public static Scope Allow(TimeSpan maxWait)
    {
        var before = Limit.Value;
        Limit.Value = maxWait;
        return new Scope(before);
    }

    /// <summary>Puts back the limit that was in force before.</summary>
    public readonly struct Scope(TimeSpan? before) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => Limit.Value = before;
    }
}
