namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// An <see cref="IExactOnlineTokenStore"/> that keeps the refresh token in memory: for tests and short-lived tools.
/// The rotated token is lost when the process ends, after which the user has to authorise the app again.
/// </summary>
public sealed class InMemoryExactOnlineTokenStore : IExactOnlineTokenStore
{
    private volatile string? _refreshToken;

    /// <summary>Creates the store.</summary>
    /// <param name="refreshToken">The refresh token to start from, if the app is already authorised.</param>
    public InMemoryExactOnlineTokenStore(string? refreshToken = null) => _refreshToken = refreshToken;

    /// <inheritdoc />
    public string? RenewalAdvice { get; init; }

    /// <summary>The refresh token held now.</summary>
    public string? RefreshToken => _refreshToken;

    /// <inheritdoc />
    public ValueTask<string?> LoadRefreshTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_refreshToken);

    /// <inheritdoc />
    public ValueTask SaveRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        _refreshToken = refreshToken;
        return ValueTask.CompletedTask;
    }
}
