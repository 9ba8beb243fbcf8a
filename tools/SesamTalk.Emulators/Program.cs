using SesamTalk.Testing.Standalone;

// dotnet run --project tools/SesamTalk.Emulators -- [--seed-demo] [Name[:port] ...]
// e.g. Salesforce:5101 ExactOnline:5102 Customcrm:5103; no names start every system on free ports. --seed-demo fills them
// with the seed documents' demo data (what the main job's embedded emulators hold) and has Salesforce invoice new orders.
const string SeedDemo = "--seed-demo";
var seedDemo = args.Contains(SeedDemo, StringComparer.Ordinal);
IReadOnlyList<StandaloneSystem> systems;
try
{
    systems = StandaloneSystem.Parse([.. args.Where(arg => arg != SeedDemo)]);
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

await using var emulators = await StandaloneEmulators.StartAsync(systems, seedDemo, stop.Token);
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
