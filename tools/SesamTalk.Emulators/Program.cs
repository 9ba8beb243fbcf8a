using SesamTalk.Testing.Standalone;

// dotnet run --project tools/SesamTalk.Emulators -- [Name[:port] ...]
// e.g. Salesforce:5101 ExactOnline:5102 Customcrm:5103; no arguments start every system on free ports.
IReadOnlyList<StandaloneSystem> systems;
try
{
    systems = StandaloneSystem.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var emulators = await StandaloneEmulators.StartAsync(systems, stop.Token);
Console.Write(emulators.Description);
Console.WriteLine("Running. Press Ctrl+C to stop.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopped.");
}

return 0;
