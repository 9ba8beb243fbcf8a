using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Samples.Customwebshop;
using SesamTalk.Samples.SyncJob.Hosts;
using SesamTalk.Samples.SyncJob.Remote;
using SesamTalk.Testing.Demo;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.EndToEnd.Tests.FaultSoak;

/// <summary>What one cycle of both hosts did: records written, and the flows that stopped or failed, and why.</summary>
/// <param name="Writes">Records created, updated and deleted, both hosts, every flow.</param>
/// <param name="Trouble">A line per stopped or failed flow, or host whose cycle threw.</param>
/// <param name="Reports">The hosts' reports, by host name.</param>
internal sealed record CycleOutcome(int Writes, IReadOnlyList<string> Trouble, IReadOnlyList<(string Host, SyncReport Report)> Reports);

/// <summary>
/// The demo's hosts and embedded systems with the soak's records on top, on one state directory: the emulators' limits
/// are raised out of the way (the soak is about faults, not quotas), and random faults go on and off in all four at once.
/// </summary>
internal sealed class SoakRun : IAsyncDisposable
{
    private readonly string _state;
    private readonly string _pricebookId;

    private SoakRun(string state, EmbeddedSystems systems, WebshopHost webshop, ErpHost erp, string pricebookId)
    {
        _state = state;
        Systems = systems;
        Webshop = webshop;
        Erp = erp;
        _pricebookId = pricebookId;
    }

    public EmbeddedSystems Systems { get; }

    public WebshopHost Webshop { get; }

    public ErpHost Erp { get; }

    /// <summary>The four emulators by name.</summary>
    public IReadOnlyList<(string System, IRandomFaults Emulator)> Emulators =>
        [("Salesforce", Systems.Salesforce!), ("ExactOnline", Systems.ExactOnline!), ("SuperOffice", Systems.SuperOffice!), ("Customcrm", Systems.Customcrm!)];

    public static async Task<SoakRun> StartAsync(int records, CancellationToken cancellationToken)
    {
        var state = Path.Combine(Path.GetTempPath(), "sesamtalk-soak-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        var limits = new EmbeddedEmulatorOptions
        {
            Salesforce = new SalesforceEmulatorOptions { DailyApiLimit = int.MaxValue },
            ExactOnline = new ExactOnlineEmulatorOptions { MinutelyLimit = int.MaxValue, DailyLimit = int.MaxValue },
            CustomcrmRateLimit = int.MaxValue,
        };
        var systems = await EmbeddedSystems.StartAsync(new ConfigurationBuilder().Build(), limits, cancellationToken);
        RemoteDemoData.SeedSalesforce(systems.Salesforce!);
        RemoteDemoData.SeedSuperOffice(systems.SuperOffice!);
        RemoteDemoData.SeedCustomcrm(systems.Customcrm!);
        SoakData.SeedSalesforce(systems.Salesforce!, records);
        SoakData.SeedSuperOffice(systems.SuperOffice!, records);
        var (webshop, erp, pricebookId) = await PricebookGate.RunAsync(null, async () =>
        {
            var webshop = await WebshopHost.OpenAsync(systems.Configuration, state, NullLoggerFactory.Instance, cancellationToken);
            var erp = await ErpHost.OpenAsync(systems.Configuration, state, NullLoggerFactory.Instance, cancellationToken);
            await webshop.UseDbAsync((db, ct) => SoakData.SeedWebshopAsync(db, records, ct), cancellationToken);
            return (webshop, erp, SalesforceOrg.StandardPricebookId);
        });
        await erp.UseDbAsync((db, ct) => SoakData.SeedErpAsync(db, records, ct), cancellationToken);
        return new SoakRun(state, systems, webshop, erp, pricebookId);
    }

    public Task<Census> CensusAsync(CancellationToken cancellationToken) => Census.TakeAsync(Systems, Webshop, Erp, cancellationToken);

    public void StartFaults(int seed, double probability)
    {
        foreach (var (_, emulator) in Emulators)
        {
            // Retry-After 0: the clients retry at once instead of waiting a second per throttled call; the 429 and 503 still fail the call.
            emulator.InjectRandomFaults(new RandomFaultOptions { Seed = seed, Probability = probability, RetryAfter = TimeSpan.Zero, SlowDelay = TimeSpan.FromMilliseconds(150) });
        }
    }

    public void StopFaults()
    {
        foreach (var (_, emulator) in Emulators)
        {
            emulator.StopRandomFaults();
        }
    }

    /// <summary>One cycle of every flow of the webshop, then of the ERP; a host whose cycle throws is reported, not rethrown.</summary>
    public Task<CycleOutcome> CycleAsync(CancellationToken cancellationToken) => PricebookGate.RunAsync(_pricebookId, async () =>
    {
        var writes = 0;
        var trouble = new List<string>();
        var reports = new List<(string, SyncReport)>();
        IHostApp[] hosts = [Webshop, Erp];
        foreach (var host in hosts)
        {
            try
            {
                var report = await host.SyncAllAsync(new Progress<SyncProgress>(), cancellationToken);
                reports.Add((host.Name, report));
                foreach (var flow in report.Flows)
                {
                    writes += flow.Created + flow.Updated + flow.Deleted;
                    if (flow.Stopped || flow.Failed)
                    {
                        trouble.Add($"{host.Name} {flow.Entity} - {flow.Target.System} {flow.Target.Type}: {(flow.Failed ? "failed" : "stopped")}: {flow.StopReason}");
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                trouble.Add($"{host.Name}: the cycle threw {e.GetType().Name}: {e.Message}");
            }
        }

        return new CycleOutcome(writes, trouble, reports);
    });

    /// <summary>The records in quarantine, not released, of every flow the reports name.</summary>
    public async Task<IReadOnlyList<string>> QuarantinedAsync(CycleOutcome cycle, CancellationToken cancellationToken)
    {
        var quarantined = new List<string>();
        foreach (var (hostName, report) in cycle.Reports)
        {
            IHostApp host = hostName == Webshop.Name ? Webshop : Erp;
            foreach (var flow in report.Flows)
            {
                var records = await host.Links.ListQuarantinedAsync(new SyncFlowId(flow.Entity, flow.Target), cancellationToken);
                quarantined.AddRange(records.Where(r => !r.IsReleased).Select(r => $"{hostName} {flow.Entity} - {flow.Target.System} {flow.Target.Type}: {r.Side} {r.RecordId} quarantined: {r.Error}"));
            }
        }

        return quarantined;
    }

    public async ValueTask DisposeAsync()
    {
        await Erp.DisposeAsync();
        await Webshop.DisposeAsync();
        await Systems.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_state, recursive: true);
    }
}
