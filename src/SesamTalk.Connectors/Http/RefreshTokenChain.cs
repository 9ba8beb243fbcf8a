namespace SesamTalk.Connectors.Http;

/// <summary>
/// A system's refresh tokens as an authorization-code session keeps them: where the host's store loads and saves them,
/// and whether each token response replaces the one just used.
/// </summary>
/// <param name="Load">Reads the stored refresh token (null or empty when there is none).</param>
/// <param name="Save">Stores a refresh token; called before the access token that came with it is used.</param>
internal sealed record RefreshTokenChain(
    Func<CancellationToken, ValueTask<string?>> Load,
    Func<string, CancellationToken, ValueTask> Save)
{
    /// <summary>
    /// Whether every token response carries a new refresh token and kills the one just used (Exact Online), so each
    /// must carry one and each is saved; otherwise only the code exchange returns one, and refreshes keep it.
    /// </summary>
    public bool Rotates { get; init; }
}
