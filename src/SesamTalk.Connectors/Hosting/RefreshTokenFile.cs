using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.SuperOffice;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// Keeps a rotating OAuth refresh token in a file, so the token Exact Online or SuperOffice handed out last survives a
/// restart (the one in configuration is spent after its first use). Beside the token the file keeps a SHA-256 hash of
/// the configured token its chain started from (never that token itself): when the configured token changes (the app
/// was authorised again), the configured token starts a new chain and the file of the old one is deleted, to be
/// written again with the first token the new chain rotates to, instead of the old chain silently winning. The file is written atomically and, on Unix, readable by its owner only.
/// </summary>
public sealed class RefreshTokenFile : IExactOnlineTokenStore, ISuperOfficeTokenStore, IDisposable
{
    private readonly string _path;
    private readonly string? _initial;
    private readonly string? _initialHash;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _chainStart;

    /// <summary>Creates the store.</summary>
    /// <param name="path">The file.</param>
    /// <param name="initial">The configured token (the one from authorising the app): used while the file does not exist, and whenever it is not the token the file's chain started from.</param>
    /// <param name="setting">The configuration setting that holds <paramref name="initial"/>, named in token errors (e.g. <c>SesamTalk:ExactOnline:RefreshToken</c>).</param>
    public RefreshTokenFile(string path, string? initial, string setting = "the configured refresh token")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
        _initial = string.IsNullOrEmpty(initial) ? null : initial;
        _initialHash = _initial is null ? null : Hash(_initial);
        _chainStart = _initialHash;
        RenewalAdvice = $"Put the new refresh token in {setting} and restart: it starts a new chain and replaces {_path}, which holds the chain of the previous token (deleting the file does the same).";
    }

    /// <summary>What a person does when the token is refused: which setting takes the new token, and which file it replaces.</summary>
    public string RenewalAdvice { get; }

    /// <inheritdoc cref="IExactOnlineTokenStore.LoadRefreshTokenAsync" />
    public async ValueTask<string?> LoadRefreshTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await ReadAsync(cancellationToken).ConfigureAwait(false) is not { } kept)
            {
                return _initial;
            }

            if (_initial is not null && kept.StartedFrom is { } startedFrom && startedFrom != _initialHash)
            {
                // The app was authorised again: the configured token is newer than the file's chain, which goes. The
                // token it rotates to is written with its hash; until then the missing file means the configured token.
                _chainStart = _initialHash;
                File.Delete(_path);
                return _initial;
            }

            // A file written before chains were recorded counts as started from the configured token.
            _chainStart = kept.StartedFrom ?? _initialHash;
            return kept.RefreshToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc cref="IExactOnlineTokenStore.SaveRefreshTokenAsync" />
    public async ValueTask SaveRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteAsync(refreshToken, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>The file's path (never the token).</summary>
    public override string ToString() => _path;

    private static string Hash(string token) => "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    /// <summary>The file's token and chain start; a file holding only a token (written before chains were recorded) has no chain start.</summary>
    private async Task<Contents?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        var text = (await File.ReadAllTextAsync(_path, cancellationToken).ConfigureAwait(false)).Trim();
        return text.StartsWith('{') ? JsonSerializer.Deserialize<Contents>(text) : new Contents(text, null);
    }

    private async Task WriteAsync(string refreshToken, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(new Contents(refreshToken, _chainStart)), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, _path, overwrite: true);
    }

    private sealed record Contents(string RefreshToken, string? StartedFrom);
}
