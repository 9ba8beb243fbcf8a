using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Threading.Channels;

namespace SesamTalk.EndToEnd.Tests.MultiInstance;

/// <summary>A copy of the main job running as a child process; its standard output goes, line by line, to a shared channel.</summary>
internal sealed class JobInstance : IDisposable
{
    private static readonly string JobDll = typeof(JobInstance).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SyncJobDll").Value!;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task _reading;
    private readonly Task<string> _errors;

    private JobInstance(string name, Process process, ChannelWriter<(JobInstance, string)> lines)
    {
        Name = name;
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
        _reading = ReadAsync(lines);
    }

    public string Name { get; }

    /// <summary>The process id, which the engine writes into the lease owner (<c>MACHINE/PID/…</c>).</summary>
    public int ProcessId => _process.Id;

    public bool Killed { get; private set; }

    /// <summary>What the job printed so far.</summary>
    public string OutputSoFar
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static JobInstance Start(string name, IEnumerable<KeyValuePair<string, string?>> settings, ChannelWriter<(JobInstance, string)> lines)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(JobDll);
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        return new JobInstance(name, Process.Start(start)!, lines);
    }

    /// <summary>SIGKILL: the process gets no chance to release its leases or finish its unit of work.</summary>
    public async Task KillAsync()
    {
        Killed = true;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process freezes where it is, as in a long GC pause or a frozen VM; its lease renewals stop with it.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT: the paused process goes on from where it froze.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>Waits for the job to end and returns its exit code, its standard output and its standard error.</summary>
    public async Task<(int ExitCode, string Output, string Errors)> WaitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        await _reading;
        return (_process.ExitCode, OutputSoFar, await _errors);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, ProcessId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {Name} failed");
    }

    private async Task ReadAsync(ChannelWriter<(JobInstance, string)> lines)
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }

            await lines.WriteAsync((this, line));
        }
    }
}
