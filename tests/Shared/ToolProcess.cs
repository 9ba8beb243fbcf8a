using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace SesamTalk.Tests.Shared;

/// <summary>
/// The standalone emulator tool (tools/SesamTalk.Emulators) as a child process: its output, a signal to it, its exit.
/// Compiled into each test project that starts the tool; the project names the tool's dll in an
/// <c>EmulatorsToolDll</c> assembly metadata attribute.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    private static readonly string ToolDll = typeof(ToolProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "EmulatorsToolDll").Value!;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private readonly Task<string> _errors;

    private ToolProcess(Process process)
    {
        _process = process;
        _reading = ReadOutputAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Everything the tool printed on standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet SesamTalk.Emulators.dll</c> with <paramref name="args"/>.</summary>
    public static ToolProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ToolDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ToolProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the line that says every system listens; fails when the tool ends or takes a minute.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var ended = Task.WhenAny(_reading, Task.Delay(TimeSpan.FromMinutes(1)));
        if (await Task.WhenAny(_ready.Task, ended) != _ready.Task)
        {
            Assert.Fail($"the tool never printed its ready line.\n{Output}\n{await ErrorsSoFarAsync()}");
        }
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. TERM) to the tool, as <c>kill -s TERM</c> does.</summary>
    public void Send(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the tool to end by itself within <paramref name="timeout"/>; returns its exit code and standard error.</summary>
    public async Task<(int ExitCode, string Errors)> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the tool was still running {timeout.TotalSeconds} s later.\n{Output}");
        }

        await _reading;
        return (_process.ExitCode, await _errors);
    }

    /// <summary>Kills the tool if it still runs.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task ReadOutputAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.Append(line).Append('\n');
            }

            if (line.StartsWith("Ready:", StringComparison.Ordinal))
            {
                _ready.TrySetResult();
            }
        }
    }

    private async Task<string> ErrorsSoFarAsync() =>
        _process.HasExited ? await _errors : "(still running)";
}
