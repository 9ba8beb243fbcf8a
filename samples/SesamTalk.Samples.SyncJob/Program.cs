using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using SesamTalk.Samples.SyncJob;

// dotnet run --project samples/SesamTalk.Samples.SyncJob [-- --state DIR] [--summary-json PATH] [--dashboard [URL]] [--no-live] [--SesamTalk:Salesforce:LoginUrl=...]
// Exit codes (JobExitCodes): 0 every seed row linked, 1 not, 2 settings it cannot run with, 3 a system refused or failed at start-up.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(JobSettings.CompleteSwitches(args))
    .Build();

// Ctrl+C, a service manager's or a container's stop (SIGTERM): the job stops at its last checkpoint and says so.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

using var logging = JobLogging.Create(configuration);
return await SyncJob.RunAsync(JobSettings.From(configuration), configuration, new JobConsole(Console.Out, Console.Error, logging), stop.Token);

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}
