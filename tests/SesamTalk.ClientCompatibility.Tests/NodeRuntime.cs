using System.Globalization;

namespace SesamTalk.ClientCompatibility.Tests;

/// <summary>Checks that Node.js and npm are there to run JavaScript clients; fails with what to install when not.</summary>
internal static class NodeRuntime
{
    /// <summary>The oldest Node.js major version the pinned clients support (jsforce 3.10.16 and its dependencies).</summary>
    private const int MinimumMajorVersion = 20;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <exception cref="InvalidOperationException">node or npm is missing, or node is older than <see cref="MinimumMajorVersion"/>.</exception>
    public static async Task EnsureAvailableAsync(string folder)
    {
        var node = await VersionOfAsync("node", folder);
        var major = int.Parse(node.TrimStart('v').Split('.')[0], CultureInfo.InvariantCulture);
        if (major < MinimumMajorVersion)
        {
            throw new InvalidOperationException($"Node.js {MinimumMajorVersion} or later is needed for the JavaScript client tests; this machine has {node}.");
        }

        await VersionOfAsync("npm", folder);
    }

    private static async Task<string> VersionOfAsync(string program, string folder)
    {
        try
        {
            var result = await ChildProcess.RunAsync(program, ["--version"], folder, new Dictionary<string, string>(), Timeout);
            return result.ExitCode == 0 ? result.Output.Trim() : throw new InvalidOperationException(result.ToString());
        }
        catch (InvalidOperationException error)
        {
            throw new InvalidOperationException(
                $"Node.js {MinimumMajorVersion}+ with npm is needed for the JavaScript client tests (tests/Clients), and '{program} --version' failed. "
                + "Install it, e.g. `apt-get install nodejs npm`.\n" + error.Message,
                error);
        }
    }
}
