using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Benchmarks.Bulk;

/// <summary>
/// One measured step against its own emulated org: a connector wired as a host wires it (bulk path on or off), the
/// wall time of the step, and the API calls the org counted for it.
/// </summary>
internal sealed class BulkRun : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _jobLog;

    private BulkRun(SalesforceEmulator org, ServiceProvider services, string jobLog)
    {
        Org = org;
        _services = services;
        _jobLog = jobLog;
    }

    public SalesforceEmulator Org { get; }

    public ISyncConnector Connector => _services.GetRequiredService<ISyncConnector>();

    public static async Task<BulkRun> StartAsync(bool bulk, TimeSpan pollInterval)
    {
        var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { DailyApiLimit = 10_000_000 });
        var jobLog = Path.Combine(Path.GetTempPath(), "sesamtalk-bench-" + Guid.NewGuid().ToString("N"));
        var services = new SesamTalkBuilder(new ServiceCollection()).AddSalesforce(options =>
        {
            options.LoginUrl = org.BaseUrl;
            options.ClientId = org.ClientId;
            options.ClientSecret = org.ClientSecret;
            options.DailyCallReserve = 0;
            options.BulkThreshold = bulk ? new SalesforceOptions().BulkThreshold : 0;
            options.BulkPollInterval = pollInterval;
            options.BulkJobLog = jobLog;
        }).Services.BuildServiceProvider();
        return new BulkRun(org, services, jobLog);
    }

    /// <summary>Runs <paramref name="step"/> and returns its wall time and the API calls the org counted during it.</summary>
    public async Task<(TimeSpan Wall, int Calls)> MeasureAsync(Func<ISyncConnector, Task> step)
    {
        var before = Org.ApiUsage;
        var clock = Stopwatch.StartNew();
        await step(Connector).ConfigureAwait(false);
        return (clock.Elapsed, Org.ApiUsage - before);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        await Org.DisposeAsync().ConfigureAwait(false);
        if (Directory.Exists(_jobLog))
        {
            Directory.Delete(_jobLog, recursive: true);
        }
    }
}
