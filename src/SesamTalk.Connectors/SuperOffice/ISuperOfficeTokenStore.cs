namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// Keeps the SuperOffice refresh token between runs; the host implements it (a database row, a key vault secret).
/// SuperOffice does not rotate refresh tokens: the one saved after the authorization-code exchange keeps working until
/// the user's consent is withdrawn, so the connector only saves after an exchange and otherwise only loads.
/// </summary>
public interface ISuperOfficeTokenStore
{
    /// <summary>The refresh token, or <see langword="null"/> when the app has not been authorised yet.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    ValueTask<string?> LoadRefreshTokenAsync(CancellationToken cancellationToken);

    /// <summary>Stores the refresh token from an authorization-code exchange.</summary>
    /// <param name="refreshToken">The refresh token. A secret: never log it.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    ValueTask SaveRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken);

    /// <summary>
    /// What a person does once the app is authorised again, for this store (which setting takes the new token, which
    /// file holds the old one), added to the error that asks for it; null to say nothing more.
    /// </summary>
    string? RenewalAdvice => null;
}

/// <summary>An <see cref="ISuperOfficeTokenStore"/> in memory: for tests and short-lived tools.</summary>
public sealed class InMemorySuperOfficeTokenStore : ISuperOfficeTokenStore
{
    private volatile string? _refreshToken;

    /// <summary>Creates the store.</summary>
    /// <param name="refreshToken">The refresh token to start from, if the app is already authorised.</param>
    public InMemorySuperOfficeTokenStore(string? refreshToken = null) => _refreshToken = refreshToken;

    /// <inheritdoc />
    public string? RenewalAdvice { get; init; }

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
