using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.SuperOffice;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// Keeps a rotating OAuth refresh token in a file, so the token Exact Online or SuperOffice handed out last survives a
/// restart (the one in configuration is spent after its first use). The file is written atomically and, on Unix,
/// readable by its owner only.
/// </summary>
public sealed class RefreshTokenFile : IExactOnlineTokenStore, ISuperOfficeTokenStore, IDisposable
{
    private readonly string _path;
    private readonly string? _initial;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the store.</summary>
    /// <param name="path">The file.</param>
    /// <param name="initial">The token to start from while the file does not exist yet (the one from authorising the app).</param>
    public RefreshTokenFile(string path, string? initial)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
        _initial = string.IsNullOrEmpty(initial) ? null : initial;
    }

    /// <inheritdoc cref="IExactOnlineTokenStore.LoadRefreshTokenAsync" />
    public async ValueTask<string?> LoadRefreshTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return File.Exists(_path) ? (await File.ReadAllTextAsync(_path, cancellationToken).ConfigureAwait(false)).Trim() : _initial;
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
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            await File.WriteAllTextAsync(temporary, refreshToken, cancellationToken).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, _path, overwrite: true);
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
}
