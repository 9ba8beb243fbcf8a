using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using SesamTalk.Samples.SyncJob;
using SesamTalk.Samples.SyncJob.Remote;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.Demo;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Salesforce;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.EndToEnd.Tests;

/// <summary>The main job as a child process against emulators on fixed ports, killed mid-cycle and run again.</summary>
public sealed class JobProcessTests
{
    private static readonly string JobDll = typeof(JobProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SyncJobDll").Value!;

    [Fact]
    public async Task A_job_killed_in_the_middle_of_a_cycle_and_run_again_with_its_state_leaves_every_record_once()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { Port = FreePort() });
        await using var exact = await ExactOnlineEmulator.StartAsync(new ExactOnlineEmulatorOptions { Port = FreePort() });
        await using var superOffice = await SuperOfficeEmulator.StartAsync(new SuperOfficeEmulatorOptions { Port = FreePort() });
        await using var crm = await CustomSystemEmulator.StartAsync(new CustomSystemEmulatorOptions { Port = FreePort(), Catalog = await EmbeddedSystems.CustomcrmCatalogAsync(CancellationToken.None) });
        RemoteDemoData.SeedSalesforce(salesforce);
        RemoteDemoData.SeedSuperOffice(superOffice);
        RemoteDemoData.SeedCustomcrm(crm);
        var state = Path.Combine(Path.GetTempPath(), "sesamtalk-e2e-job-" + Guid.NewGuid().ToString("N"));
        string[] settings =
        [
            "--state", state,
            $"--{SystemSections.SalesforceEndpoint}={salesforce.BaseUrl}", $"--{SystemSections.Salesforce}:ClientId={salesforce.ClientId}", $"--{SystemSections.Salesforce}:ClientSecret={salesforce.ClientSecret}",
            $"--{SystemSections.ExactOnlineEndpoint}={exact.BaseUrl}", $"--{SystemSections.ExactOnline}:ClientId={exact.ClientId}", $"--{SystemSections.ExactOnline}:ClientSecret={exact.ClientSecret}",
            $"--{SystemSections.ExactOnline}:RedirectUri={exact.RedirectUri}", $"--{SystemSections.ExactOnline}:RefreshToken={exact.IssueRefreshToken()}",
            $"--{SystemSections.ExactOnline}:WebhookSecret={exact.WebhookSecret}",
            $"--{SystemSections.SuperOfficeEndpoint}={superOffice.BaseUrl}", $"--{SystemSections.SuperOffice}:Tenant={superOffice.ContextIdentifier}", $"--{SystemSections.SuperOffice}:ClientId={superOffice.ClientId}",
            $"--{SystemSections.SuperOffice}:ClientSecret={superOffice.ClientSecret}", $"--{SystemSections.SuperOffice}:RedirectUri={superOffice.RedirectUri}", $"--{SystemSections.SuperOffice}:RefreshToken={superOffice.IssueRefreshToken()}",
            $"--{SystemSections.CustomcrmEndpoint}={crm.BaseUrl}", $"--{SystemSections.Customcrm}:ApiKey={crm.ApiKey}",
        ];
        try
        {
            var killed = await RunJobAsync(settings, killAfter: "Customwebshop Order - Salesforce Order: syncing");
            Assert.True(killed, "the job ended before the Order flow started");
            var exitCode = await RunJobAsync(settings, killAfter: null);
            Assert.True(exitCode is false, "the rerun did not finish");

            AssertOnce(salesforce.GetRecords("Product2").Select(r => (string?)r["ProductCode"]));
            AssertOnce(salesforce.GetRecords("Account").Select(r => (string?)r["AccountNumber"]));
            AssertOnce(salesforce.GetRecords("Order").Where(r => r["OrderReferenceNumber"] is not null).Select(r => (string?)r["OrderReferenceNumber"]));
            AssertOnce(salesforce.GetRecords("Division").Select(r => (string?)r["Name"]));
            AssertOnce(exact.GetRecords("Accounts").Select(r => ((string?)r["Code"])?.Trim()));
            AssertOnce(exact.GetRecords("Items").Select(r => (string?)r["Code"]));
            AssertOnce(exact.GetRecords("SalesOrders").Select(r => (string?)r["YourRef"]));
            AssertOnce(crm.GetRecords("Customer").Select(r => (string?)r.Fields["CustomerNumber"]));
            AssertOnce(crm.GetRecords("Product").Select(r => (string?)r.Fields["Sku"]));
            AssertOnce(crm.GetRecords("Order").Select(r => (string?)r.Fields["Number"]));
            Assert.Equal(5, exact.GetRecords("Accounts").Count);
            Assert.Equal(6, crm.GetRecords("Product").Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(state, recursive: true);
        }
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task The_job_with_its_embedded_emulators_stops_at_its_checkpoint_on_a_stop_signal_and_says_so(string signal)
    {
        var state = Path.Combine(Path.GetTempPath(), "sesamtalk-e2e-signal-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var job = StartJob(["--state", state]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var errors = job.StandardError.ReadToEndAsync(timeout.Token);
            while (await job.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.Contains(": syncing", StringComparison.Ordinal))
            {
            }

            using (var kill = Process.Start("kill", ["-s", signal, job.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }

            var rest = job.StandardOutput.ReadToEndAsync(timeout.Token);
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await job.WaitForExitAsync(stopping.Token); // before, the emulators took SIGTERM and the job ran on against them

            Assert.Equal(JobExitCodes.NotLinked, job.ExitCode);
            Assert.Contains("Stopped on request at the last checkpoint", await errors, StringComparison.Ordinal);
            await rest;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }

    /// <summary>Runs the job; kills it when it prints <paramref name="killAfter"/>. True when killed, false when it exited.</summary>
    private static async Task<bool> RunJobAsync(string[] arguments, string? killAfter)
    {
        using var job = StartJob(arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var errors = job.StandardError.ReadToEndAsync(timeout.Token);
        while (await job.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (killAfter is not null && line.Contains(killAfter, StringComparison.Ordinal))
            {
                job.Kill(entireProcessTree: true);
                await job.WaitForExitAsync(timeout.Token);
                return true;
            }
        }

        await job.WaitForExitAsync(timeout.Token);
        Assert.True(job.ExitCode is 0 or 1, $"the job failed ({job.ExitCode.ToString(CultureInfo.InvariantCulture)}): {await errors}");
        return false;
    }

    /// <summary>Starts the job's built dll with <paramref name="arguments"/>, its output redirected.</summary>
    private static Process StartJob(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(JobDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static void AssertOnce(IEnumerable<string?> keys)
    {
        var list = keys.ToList();
        Assert.NotEmpty(list);
        Assert.Equal(list.Distinct(StringComparer.Ordinal).Count(), list.Count);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
