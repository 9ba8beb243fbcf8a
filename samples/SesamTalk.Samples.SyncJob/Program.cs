using Microsoft.Extensions.Configuration;
using SesamTalk.Samples.SyncJob;

// dotnet run --project samples/SesamTalk.Samples.SyncJob [-- --state DIR] [--summary-json PATH] [--SesamTalk:Salesforce:LoginUrl=...]
// Exit code: 0 when every seed row is linked with nothing quarantined, 1 when not, 2 on a usage or configuration error.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return await SyncJob.RunAsync(JobSettings.From(configuration), configuration, Console.Out, stop.Token);
}
catch (JobSettingsException error)
{
    await Console.Error.WriteLineAsync(error.Message);
    return 2;
}
catch (Microsoft.Extensions.Options.OptionsValidationException error)
{
    // A configured system lacks a setting: each failure names it (e.g. SesamTalk:Custom:Customcrm:ApiKey is not set).
    foreach (var failure in error.Failures)
    {
        await Console.Error.WriteLineAsync(failure);
    }

    return 2;
}
