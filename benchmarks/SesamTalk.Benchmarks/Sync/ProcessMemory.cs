using System.Diagnostics;
using System.Globalization;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// This process's peak working set. On Linux the kernel's high-water mark (<c>VmHWM</c> in <c>/proc/self/status</c>),
/// which <see cref="ResetPeak"/> sets back to the current size (<c>/proc/self/clear_refs</c>, "5"), so each scenario of
/// a child gets its own peak; elsewhere <see cref="Process.PeakWorkingSet64"/>, which cannot be reset (then a later
/// scenario's peak is the child's peak so far).
/// </summary>
internal static class ProcessMemory
{
    private const string Status = "/proc/self/status";

    /// <summary>Sets the peak back to the current working set where the OS allows it; says whether it did.</summary>
    public static bool ResetPeak()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The peak working set in bytes since the start or the last <see cref="ResetPeak"/>.</summary>
    public static long PeakBytes()
    {
        if (OperatingSystem.IsLinux() && File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    // "VmHWM:    123456 kB"
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
