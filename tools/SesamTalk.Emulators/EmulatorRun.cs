using SesamTalk.Testing.Standalone;

namespace SesamTalk.Emulators;

/// <summary>One run of the tool: start the systems, say how to reach them, wait for a stop signal, stop them all.</summary>
internal static class EmulatorRun
{
    /// <summary>The exit code when a system could not start.</summary>
    public const int StartFailed = 1;

    /// <summary>The start of the line printed once every system listens: what waits for the emulators waits for it.</summary>
    public const string ReadyLine = "Ready:";

    /// <summary>Runs the systems until <paramref name="signals"/> fires; 0 once they are stopped, <see cref="StartFailed"/> when one could not start.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<StandaloneSystem> systems, bool seedDemo, StopSignals signals)
    {
        StandaloneEmulators emulators;
        try
        {
            emulators = await StandaloneEmulators.StartAsync(systems, seedDemo, signals.Stopping);
        }
        catch (OperationCanceledException) when (signals.Stopping.IsCancellationRequested)
        {
            Console.WriteLine($"Stopped on {signals.Received} before every system had started.");
            return 0;
        }
        catch (Exception error) when (error is IOException or ArgumentException or InvalidDataException)
        {
            Console.Error.WriteLine("sesamtalk-emulators: a system could not start: " + error.Message);
            return StartFailed;
        }

        await using (emulators)
        {
            Console.Write(emulators.Description);
            Console.WriteLine($"{ReadyLine} {systems.Count} system(s) running. Ctrl+C or SIGTERM stops them.");
            await WaitAsync(signals.Stopping);
            Console.WriteLine($"Stopping on {signals.Received}.");
        }

        Console.WriteLine("Stopped.");
        return 0;
    }

    private static async Task WaitAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException)
        {
            // The stop signal: the wait is over.
        }
    }
}
