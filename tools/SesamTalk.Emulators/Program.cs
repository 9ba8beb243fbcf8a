using SesamTalk.Emulators;
using SesamTalk.Testing.Standalone;

// sesamtalk-emulators [--seed-demo] [--catalog FILE ...] [Name[:port] ...]: the emulators, standalone, until a stop
// signal. Usage.Text says it all; exit codes 0 (stopped, or help), 1 (a system could not start), 2 (a wrong command line).
CommandLine commandLine;
try
{
    commandLine = CommandLine.Parse(args);
}
catch (ArgumentException error)
{
    return Usage.Wrong(error.Message);
}

if (commandLine.Help)
{
    Console.Write(Usage.Text);
    return 0;
}

using var signals = new StopSignals();
IReadOnlyList<StandaloneSystem> systems;
try
{
    var catalogs = await Task.WhenAll(commandLine.CatalogFiles.Select(file => StandaloneCatalog.ReadAsync(file, signals.Stopping)));
    systems = StandaloneCatalog.AssignTo(commandLine.Systems, catalogs);
}
catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
{
    return Usage.Wrong(error.Message);
}
catch (OperationCanceledException) when (signals.Stopping.IsCancellationRequested)
{
    return 0;
}

return await EmulatorRun.RunAsync(systems, commandLine.SeedDemo, signals);
