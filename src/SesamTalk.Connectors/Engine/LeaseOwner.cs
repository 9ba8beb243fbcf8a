using System.Diagnostics;
using System.Globalization;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Lease owners as <c>machine/process id/instance</c>, so a process can tell that the holder of a lease is a process on
/// its own machine that is no longer running (killed mid-cycle) and take the flow over at once instead of waiting for
/// the lease to run out.
/// </summary>
internal static class LeaseOwner
{
    /// <summary>A new owner name for this process.</summary>
    public static string ForThisProcess() =>
        Environment.MachineName + "/" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "/" + Guid.NewGuid().ToString("N");

    /// <summary>Whether <paramref name="owner"/> names this process (a cycle over another link store instance on the same file).</summary>
    public static bool IsThisProcess(string owner) => ProcessOnThisMachine(owner) == Environment.ProcessId;

    /// <summary>Whether <paramref name="owner"/> names a process on this machine that has exited.</summary>
    public static bool IsGoneFromThisMachine(string owner)
    {
        if (ProcessOnThisMachine(owner) is not { } processId || processId == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no process with that id runs any more
        }
    }

    /// <summary>The process id <paramref name="owner"/> names when it names a process on this machine.</summary>
    private static int? ProcessOnThisMachine(string owner)
    {
        var parts = owner.Split('/');
        return parts.Length == 3
            && string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            ? processId
            : null;
    }
}
