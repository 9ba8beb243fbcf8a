using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.SuperOffice;

namespace SesamTalk.Samples.SyncJob.Remote;

/// <summary>
/// Keeps an OAuth refresh token in a file of the state directory. Exact Online and SuperOffice rotate refresh tokens, so
/// the token a run was configured with is only good until the first refresh: a rerun with the same state continues
/// with the token the last refresh returned.
/// </summary>
internal sealed class FileRefreshTokenStore(string path, string? initial) : IExactOnlineTokenStore, ISuperOfficeTokenStore
{
    public async ValueTask<string?> LoadRefreshTokenAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return initial;
        }

        var stored = (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim();
        return stored.Length > 0 ? stored : initial;
    }

    public async ValueTask SaveRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        // The sessions serialise refreshes. Write aside and move, so a run killed mid-write keeps the previous token.
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, refreshToken, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
