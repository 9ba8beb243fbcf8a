using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Samples.SyncJob.Demo;
using SesamTalk.Samples.SyncJob.Hosts;
using SesamTalk.Samples.SyncJob.Propagation;
using SesamTalk.Samples.SyncJob.Remote;
using SesamTalk.Samples.SyncJob.Reporting;
using SesamTalk.Testing.Demo;

namespace SesamTalk.Samples.SyncJob;

/// <summary>
/// The main job: both sample hosts syncing every flow with Salesforce, Exact Online, SuperOffice and Customcrm, embedded
/// emulators with demo data for every system that is not configured.
/// </summary>
public static class SyncJob
{
    /// <summary>Sync cycles per run: the first brings records born in the remote systems into the hosts, the second
    /// carries them on to the other systems and links the invoices billed in between.</summary>
    private const int Cycles = 2;

    /// <summary>Runs the job.</summary>
    /// <param name="settings">The job's own settings.</param>
    /// <param name="configuration">The systems' settings.</param>
    /// <param name="console">Where the report, the errors and the logs go.</param>
    /// <param name="cancellationToken">Stops the job.</param>
    /// <returns>One of <see cref="JobExitCodes"/>: 0 when every seed row is linked with nothing quarantined, 1 when not, 2 for
    /// settings it cannot run with, 3 when a system refused the job or failed at start-up.</returns>
    public static async Task<int> RunAsync(JobSettings settings, IConfiguration configuration, JobConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            return await RunCheckedAsync(settings, configuration, console, cancellationToken).ConfigureAwait(false);
        }
        catch (JobSettingsException error)
        {
            await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            return JobExitCodes.Settings;
        }
        catch (OptionsValidationException error)
        {
            // A configured system lacks a setting: each failure names it (e.g. SesamTalk:Custom:Customcrm:ApiKey is not set).
            foreach (var failure in error.Failures)
            {
                await console.Error.WriteLineAsync(failure).ConfigureAwait(false);
            }

            return JobExitCodes.Settings;
        }
        catch (SystemStartException error)
        {
            await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            return JobExitCodes.SystemRefused;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("Stopped on request at the last checkpoint; run the job again with the same --state to go on.").ConfigureAwait(false);
            return JobExitCodes.NotLinked;
        }
    }

    private static async Task<int> RunCheckedAsync(JobSettings settings, IConfiguration configuration, JobConsole console, CancellationToken cancellationToken)
    {
        var output = console.Out;
        await CheckStateAsync(settings, configuration, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(settings.StateDirectory);

        await using var systems = await EmbeddedSystems.StartAsync(configuration, cancellationToken).ConfigureAwait(false);
        output.WriteLine("SesamTalk sync job. State: " + settings.StateDirectory);
        foreach (var line in systems.Describe())
        {
            output.WriteLine("  embedded " + line);
        }

        SeedRemoteDemoData(systems);
        await using var webshopCallbacks = HostCallbacks.Reserve();
        await using var erpCallbacks = HostCallbacks.Reserve();
        await using var webshop = await WebshopHost.OpenAsync(webshopCallbacks.Configure(systems.Configuration), settings.StateDirectory, console.Logging, cancellationToken).ConfigureAwait(false);
        await using var erp = await ErpHost.OpenAsync(erpCallbacks.Configure(systems.Configuration), settings.StateDirectory, console.Logging, cancellationToken).ConfigureAwait(false);
        IHostApp[] hosts = [webshop, erp];
        await webshopCallbacks.ServeAsync(webshop, cancellationToken).ConfigureAwait(false);
        await erpCallbacks.ServeAsync(erp, cancellationToken).ConfigureAwait(false);

        var figures = new RunFigures();
        for (var cycle = 1; cycle <= Cycles; cycle++)
        {
            output.WriteLine($"Cycle {cycle}");
            await SyncAsync(hosts, figures, output, $"Cycle {cycle}", cancellationToken).ConfigureAwait(false);
            if (cycle == 1 && systems.Salesforce is { } org)
            {
                var invoices = org.GenerateInvoices(DateOnly.FromDateTime(DateTime.UtcNow));
                output.WriteLine($"Salesforce Billing generated {invoices} invoice(s) from the orders.");
            }
        }

        var rows = await RowFiguresAsync(hosts, webshop, figures, cancellationToken).ConfigureAwait(false);
        output.WriteLine();
        FlowTable.Write(output, [.. rows.Seed.Select(row => (row.Row.Title, row.Figures)), .. rows.Others]);
        output.WriteLine("(The Quoteline row has no flow of its own: its lines travel inside the Quotealternative flow's records,");
        output.WriteLine(" so it shows that flow's reads, writes and calls, and as linked the quote lines now on linked orders.)");

        var exitCode = Verdict(rows.Seed, output);
        var edits = await RemoteEdits.PrepareAsync(systems, webshop, erp, cancellationToken).ConfigureAwait(false);
        var allArrived = await ShowRemoteEditsAsync(edits, hosts, output, cancellationToken).ConfigureAwait(false);
        var propagation = settings.Live && edits.Count > 0
            ? await LivePhase.RunAsync(edits, hosts, output, cancellationToken).ConfigureAwait(false)
            : [];
        if (propagation.Any(time => !time.Arrived))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"An edit made in a remote system while the hosts ran did not arrive in its host within {LivePhase.ArrivalTimeout.TotalSeconds} s."));
            allArrived = false;
        }

        if (settings.SummaryJsonPath is { } summary)
        {
            await SummaryJson.WriteAsync(summary, rows.Seed, propagation, cancellationToken).ConfigureAwait(false);
            output.WriteLine("Summary written to " + summary);
        }

        if (settings.DashboardUrl is { } dashboard)
        {
            await JobDashboard.ServeAsync(dashboard, hosts, output, cancellationToken).ConfigureAwait(false);
        }

        return exitCode == JobExitCodes.Linked && !allArrived ? JobExitCodes.NotLinked : exitCode;
    }

    private static async Task CheckStateAsync(JobSettings settings, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var embedded = new[] { SystemSections.SalesforceEndpoint, SystemSections.ExactOnlineEndpoint, SystemSections.SuperOfficeEndpoint, SystemSections.CustomcrmEndpoint }
            .Any(key => string.IsNullOrWhiteSpace(configuration[key]));
        if (!embedded)
        {
            return;
        }

        foreach (var host in new[] { WebshopHost.SystemName, ErpHost.SystemName })
        {
            var storage = HostStorage.From(configuration, settings.StateDirectory, host);
            if (await storage.HoldsStateAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new JobSettingsException(
                    $"{storage.Location} holds an earlier run's state, but at least one system runs as an embedded emulator, which starts empty: "
                    + $"the links would point at records that no longer exist. Use {storage.FreshLocationHint}, or configure every system's endpoint "
                    + "(e.g. the standalone emulators of tools/SesamTalk.Emulators) to continue a run.");
            }
        }
    }

    private static void SeedRemoteDemoData(EmbeddedSystems systems)
    {
        if (systems.Salesforce is { } salesforce)
        {
            RemoteDemoData.SeedSalesforce(salesforce);
        }

        if (systems.SuperOffice is { } superOffice)
        {
            RemoteDemoData.SeedSuperOffice(superOffice);
        }

        if (systems.Customcrm is { } crm)
        {
            RemoteDemoData.SeedCustomcrm(crm);
        }
    }

    private static async Task SyncAsync(IHostApp[] hosts, RunFigures figures, TextWriter output, string cycle, CancellationToken cancellationToken)
    {
        var reports = new List<(string Host, SyncReport Report)>();
        foreach (var host in hosts)
        {
            var report = await host.SyncAllAsync(new ConsoleProgress(output, host.Name), cancellationToken).ConfigureAwait(false);
            figures.Add(host.Name, report);
            reports.Add((host.Name, report));
        }

        StopReport.WriteCycle(output, cycle, reports);
    }

    private static async Task<(List<(SeedRow Row, FlowFigures Figures)> Seed, List<(string Flow, FlowFigures Figures)> Others)> RowFiguresAsync(
        IHostApp[] hosts, WebshopHost webshop, RunFigures figures, CancellationToken cancellationToken)
    {
        foreach (var flow in figures.Flows)
        {
            var host = hosts.Single(h => string.Equals(h.Name, flow.Host, StringComparison.OrdinalIgnoreCase));
            var quarantined = (await host.Links.ListQuarantinedAsync(new SyncFlowId(flow.Entity, flow.Target), cancellationToken).ConfigureAwait(false))
                .Where(record => !record.IsReleased)
                .ToList();
            figures[flow].Quarantined = quarantined.Count;
            figures[flow].QuarantineErrors = [.. quarantined.Select(record => $"{record.Side} {record.RecordId}: {record.Error}")];
        }

        var seed = new List<(SeedRow, FlowFigures)>();
        foreach (var row in SeedRows.All)
        {
            var flow = figures[row.Flow];
            seed.Add((row, row.ChildType is null ? flow : await CarriedAsync(webshop, row, flow, cancellationToken).ConfigureAwait(false)));
        }

        var others = figures.Flows
            .Where(flow => SeedRows.All.All(row => row.Flow != flow))
            .Select(flow => ($"{flow.Host} {flow.Entity} to {flow.Target.System} {flow.Target.Type} (no seed row)", figures[flow]))
            .ToList();
        return (seed, others);
    }

    /// <summary>
    /// The figures of a row whose records travel inside another flow's records (SuperOffice quote lines inside their
    /// quote alternatives): the carrying flow's reads, writes, conflicts, quarantine and calls, since the lines are read,
    /// written and counted with their alternative, and as linked the lines that the orders linked through the carrying
    /// flow now hold.
    /// </summary>
    private static async Task<FlowFigures> CarriedAsync(WebshopHost webshop, SeedRow row, FlowFigures carrier, CancellationToken cancellationToken)
    {
        var lines = 0;
        await foreach (var link in webshop.Links.ReadLinksAsync(new SyncFlowId(row.Flow.Entity, row.Flow.Target), cancellationToken).ConfigureAwait(false))
        {
            lines += await webshop.UseDbAsync((db, ct) => db.OrderLines.CountAsync(line => line.OrderId == link.Link.LocalId, ct), cancellationToken).ConfigureAwait(false);
        }

        return carrier.WithLinked(lines);
    }

    /// <summary>
    /// Applies the remote edits, syncs, and shows each host value before and after; false when an edit did not arrive.
    /// The sync's figures are not the table's or the summary's, which are the seed cycles'.
    /// </summary>
    private static async Task<bool> ShowRemoteEditsAsync(IReadOnlyList<RemoteEdit> edits, IHostApp[] hosts, TextWriter output, CancellationToken cancellationToken)
    {
        if (edits.Count == 0)
        {
            return true;
        }

        output.WriteLine();
        output.WriteLine("Editing records in the remote systems, then syncing again:");
        var before = new List<string?>();
        foreach (var edit in edits)
        {
            before.Add(await edit.ReadHost(cancellationToken).ConfigureAwait(false));
            edit.Apply(edit.ValueAt(0));
        }

        await SyncAsync(hosts, new RunFigures(), output, "The sync after the edits", cancellationToken).ConfigureAwait(false);
        var allArrived = true;
        for (var i = 0; i < edits.Count; i++)
        {
            var after = await edits[i].ReadHost(cancellationToken).ConfigureAwait(false);
            var arrived = after == edits[i].ValueAt(0);
            allArrived &= arrived;
            output.WriteLine($"  {edits[i].What}: '{before[i]}' -> '{after}' ({(arrived ? "arrived" : "NOT ARRIVED")})");
        }

        if (!allArrived)
        {
            output.WriteLine("An edit made in a remote system did not arrive in its host.");
        }

        return allArrived;
    }

    private static int Verdict(List<(SeedRow Row, FlowFigures Figures)> rows, TextWriter output)
    {
        var failures = rows
            .Where(row => row.Figures.Linked == 0 || row.Figures.Quarantined > 0)
            .SelectMany(row => row.Figures.QuarantineErrors.Select(error => "      " + error).Prepend(
                $"  {row.Row.Title}: {row.Figures.Linked} linked, {row.Figures.Quarantined} quarantined{(row.Figures.StopReason is { } reason ? ", stopped: " + reason : "")}"))
            .ToList();
        output.WriteLine();
        if (failures.Count == 0)
        {
            output.WriteLine($"All {rows.Count} seed rows linked, nothing quarantined.");
            return JobExitCodes.Linked;
        }

        var failed = rows.Count(row => row.Figures.Linked == 0 || row.Figures.Quarantined > 0);
        output.WriteLine($"{failed} of {rows.Count} seed rows are not linked or hold quarantined records:");
        failures.ForEach(output.WriteLine);
        return JobExitCodes.NotLinked;
    }
}
