namespace SesamTalk.Connectors.Http;

/// <summary>
/// The token a session hands out, kept until it is due for renewal or the system refuses it. One renewal runs at a
/// time, so concurrent calls share its result (two refreshes with one refresh token could kill a rotating chain).
/// </summary>
/// <typeparam name="TToken">The system's token type.</typeparam>
/// <param name="time">The clock that decides when a token is due for renewal.</param>
internal sealed class TokenCache<TToken>(TimeProvider time) : IDisposable
    where TToken : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _current;

    /// <summary>The kept token while it is not due for renewal, else the one <paramref name="fetch"/> gets.</summary>
    /// <param name="fetch">Gets a new token and when it is due for renewal.</param>
    /// <param name="cancellationToken">Cancels the wait and the fetch.</param>
    public async Task<TToken> GetAsync(Func<CancellationToken, Task<(TToken Token, DateTimeOffset RenewAt)>> fetch, CancellationToken cancellationToken)
    {
        if (Live() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Live() ?? await FetchAsync(fetch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Replaces the kept token with the one <paramref name="fetch"/> gets, whatever is kept now.</summary>
    /// <param name="fetch">Gets a new token and when it is due for renewal.</param>
    /// <param name="cancellationToken">Cancels the wait and the fetch.</param>
    public async Task ReplaceAsync(Func<CancellationToken, Task<(TToken Token, DateTimeOffset RenewAt)>> fetch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await FetchAsync(fetch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops <paramref name="rejected"/> so that the next call renews (unless another call already did).</summary>
    /// <param name="rejected">The token the system refused.</param>
    public void Invalidate(TToken rejected)
    {
        if (Volatile.Read(ref _current) is { } current && ReferenceEquals(current.Token, rejected))
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private TToken? Live() => Volatile.Read(ref _current) is { } current && time.GetUtcNow() < current.RenewAt ? current.Token : null;

    private async Task<TToken> FetchAsync(Func<CancellationToken, Task<(TToken Token, DateTimeOffset RenewAt)>> fetch, CancellationToken cancellationToken)
    {
        var (token, renewAt) = await fetch(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _current, new Entry(token, renewAt));
        return token;
    }

    private sealed record Entry(TToken Token, DateTimeOffset RenewAt);
}
