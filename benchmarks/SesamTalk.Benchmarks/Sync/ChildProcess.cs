using System.Diagnostics;
using System.Reflection;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// The parent's handle on one child: this benchmark's own executable started with the hidden <c>sync-child</c>
/// command, so the engine's memory is measured apart from the emulator's.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public static ChildProcess Start(ChildStart start)
    {
        var info = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown executable."),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(info.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Run as `dotnet SesamTalk.Benchmarks.dll`: the child is the same.
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        info.ArgumentList.Add(ChildProtocol.Command);
        info.ArgumentList.Add(ChildProtocol.Write(start));
        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException("The child did not start."));
    }

    /// <summary>Has the child run <paramref name="scenario"/> and returns what it measured.</summary>
    public async Task<ChildResult> RunAsync(string scenario)
    {
        await _process.StandardInput.WriteLineAsync(scenario).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(ChildProtocol.ResultPrefix, StringComparison.Ordinal))
            {
                return ChildProtocol.ReadResult(line);
            }

            Console.Error.WriteLine(line);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        throw new InvalidOperationException($"The child ended (exit code {_process.ExitCode}) before it reported '{scenario}'.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteLineAsync(ChildProtocol.Exit).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }
}
