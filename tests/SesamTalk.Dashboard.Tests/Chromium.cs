using System.Diagnostics;

namespace SesamTalk.Dashboard.Tests;

/// <summary>
/// Debian's chromium, which the browser tests drive (Playwright cannot download its own browsers here). When it is
/// missing the fixture installs it with apt-get, refreshing the package lists if the first try fails, and fails the
/// tests when it still cannot: the browser tests never skip.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        // The PostgreSQL fixtures of other test projects may be installing their package at the same moment: apt-get
        // waits for dpkg's lock, and a try that still fails (the package lists' lock, stale lists) is retried.
        for (var attempt = 1; attempt <= 3 && await AptGetAsync("install -y chromium") != 0; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(5 * attempt));
            await AptGetAsync("update");
        }

        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {ExecutablePath}, and `apt-get install -y chromium` did not install it. Install it (as root) and run the tests again.");
        }
    }

    private static async Task<int> AptGetAsync(string arguments)
    {
        var start = new ProcessStartInfo("apt-get", "-o DPkg::Lock::Timeout=600 " + arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("apt-get could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(output, errors);
        return process.ExitCode;
    }
}
