using System.Security.Cryptography;

namespace SesamTalk.ClientCompatibility.Tests;

/// <summary>
/// Installs a client folder's npm packages exactly as its committed package-lock.json pins them (<c>npm ci</c>), when
/// node_modules is missing or was installed from another lock file: a fresh clone installs, later runs reuse it.
/// </summary>
internal static class NpmPackages
{
    /// <summary>Where the lock file's hash is kept after an install; npm ci deletes node_modules, and with it this stamp.</summary>
    private const string Stamp = "node_modules/.sesamtalk-package-lock.sha256";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <exception cref="InvalidOperationException">npm ci failed; the message has its output.</exception>
    public static async Task EnsureInstalledAsync(string folder)
    {
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "package-lock.json"))));
        var stamp = Path.Combine(folder, Stamp);
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == lockHash)
        {
            return;
        }

        // No install scripts: the clients need none (core-js's only prints a notice), and a test run should not run them.
        var result = await ChildProcess.RunAsync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], folder, new Dictionary<string, string>(), Timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci could not install the packages of {folder}:\n{result}");
        }

        await File.WriteAllTextAsync(stamp, lockHash);
    }
}
