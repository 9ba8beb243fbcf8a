using System.ComponentModel;
using System.Diagnostics;

namespace SesamTalk.ClientCompatibility.Tests;

/// <summary>Runs a command-line program to its end and keeps what it printed.</summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="program"/> in <paramref name="folder"/> with extra environment variables.</summary>
    /// <exception cref="InvalidOperationException">The program is not on PATH, or it ran past <paramref name="timeout"/> (it is killed then).</exception>
    public static async Task<ChildProcessResult> RunAsync(
        string program, IEnumerable<string> arguments, string folder, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var commandLine = $"{program} {string.Join(' ', start.ArgumentList)}";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException($"'{program}' could not be started ({error.Message}): is it installed and on PATH?", error);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                var result = new ChildProcessResult(commandLine, process.ExitCode, await output, await errors);
                throw new InvalidOperationException($"{commandLine} was still running after {timeout.TotalSeconds} s and was killed.\n{result}");
            }

            return new ChildProcessResult(commandLine, process.ExitCode, await output, await errors);
        }
    }
}
