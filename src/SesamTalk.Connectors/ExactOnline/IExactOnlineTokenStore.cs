namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// Keeps the Exact Online refresh token between runs; the host implements it (a database row, a key vault secret).
/// Exact rotates the refresh token on every refresh and the old one stops working at once, so the connector saves
/// the new token before it uses the access token that came with it. A failed save therefore surfaces before any API
/// call depends on the new token. Only one process may refresh a given token chain at a time.
/// </summary>
public interface IExactOnlineTokenStore
{
    /// <summary>The current refresh token, or <see langword="null"/> when the app has not been authorised yet.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    ValueTask<string?> LoadRefreshTokenAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the refresh token durably; the previous one is already dead when this is called.</summary>
    /// <param name="refreshToken">The new refresh token. A secret: never log it.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    ValueTask SaveRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken);

    /// <summary>
    /// What a person does once the app is authorised again, for this store (which setting takes the new token, which
    /// file holds the old one), added to the error that asks for it; null to say nothing more.
    /// </summary>
    string? RenewalAdvice => null;
}
