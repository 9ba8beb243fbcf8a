using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SesamTalk.Samples.Customwebshop;
using SesamTalk.Samples.SyncJob.Hosts;
using SesamTalk.Tests.PostgreSql;
using Xunit.Abstractions;

namespace SesamTalk.EndToEnd.Tests.MultiInstance;

/// <summary>
/// Three copies of the main job as processes on one PostgreSQL database (link stores and host databases) against the
/// emulators on loopback, one copy killed with SIGKILL twice while it holds a flow's lease with creates in flight.
/// </summary>
[Collection(UsesPostgreSqlServer.Collection)]
public sealed partial class MultiInstanceTests(PostgreSqlServer server, ITestOutputHelper output)
{
    /// <summary>Customers the webshop holds besides its demo data; each goes to four systems (four flows).
    /// SESAMTALK_MULTI_CUSTOMERS sets another number for a figures run (docs/deployment.md).</summary>
    private static readonly int Customers = Setting("SESAMTALK_MULTI_CUSTOMERS", 100);

    /// <summary>Copies of the job started at once (SESAMTALK_MULTI_INSTANCES for a figures run).</summary>
    private static readonly int Instances = Setting("SESAMTALK_MULTI_INSTANCES", 3);

    /// <summary>Copies killed, each replaced by a new one (SESAMTALK_MULTI_KILLS for a figures run).</summary>
    private static readonly int Kills = Setting("SESAMTALK_MULTI_KILLS", 2);

    private const string Webshop = "sesamtalk_customwebshop";

    [Fact]
    public async Task Three_instances_with_one_killed_mid_cycle_twice_leave_every_record_and_link_once_and_then_write_nothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var database = await server.CreateDatabaseAsync();
        await using var systems = await LoopbackSystems.StartAsync();
        var states = new List<string>();
        try
        {
            await SeedWebshopAsync(Settings(systems, database, states), timeout.Token);
            var lines = Channel.CreateUnbounded<(JobInstance, string)>();
            var running = new List<JobInstance>();
            var clock = Stopwatch.StartNew();
            try
            {
                for (var i = 1; i <= Instances; i++)
                {
                    running.Add(JobInstance.Start($"instance {i.ToString(CultureInfo.InvariantCulture)}", Settings(systems, database, states), lines.Writer));
                }

                for (var kill = 1; kill <= Kills; kill++)
                {
                    await KillOneWithCreatesInFlightAsync(running, lines.Reader, database, timeout.Token);
                    running.Add(JobInstance.Start($"instance {(Instances + kill).ToString(CultureInfo.InvariantCulture)}", Settings(systems, database, states), lines.Writer));
                }

                var apiCalls = 0;
                foreach (var instance in running.Where(instance => !instance.Killed))
                {
                    var (exitCode, jobOutput, errors) = await instance.WaitAsync(timeout.Token);
                    Assert.True(exitCode is 0 or 1, $"{instance.Name} failed ({exitCode.ToString(CultureInfo.InvariantCulture)}): {errors}");
                    apiCalls += Figures(jobOutput).ApiCalls;
                }

                output.WriteLine($"{Customers} customers, {Instances} instance(s), {Kills} kill(s): {clock.Elapsed.TotalSeconds:F1} s, {apiCalls} API calls by the instances that were not killed");
            }
            finally
            {
                foreach (var instance in running)
                {
                    output.WriteLine($"--- {instance.Name}{(instance.Killed ? " (killed)" : "")}:");
                    output.WriteLine(instance.OutputSoFar);
                    instance.Dispose();
                }
            }

            var settle = await RunToEndAsync("settling run", Settings(systems, database, states), timeout.Token);
            output.WriteLine($"settling run: {Figures(settle).ApiCalls} API calls");

            await AssertEveryCustomerOnceAsync(systems, database, timeout.Token);
            var next = Figures(await RunToEndAsync("next run", Settings(systems, database, states), timeout.Token));
            Assert.Equal((0, 0), (next.Created, next.Updated));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            states.Where(Directory.Exists).ToList().ForEach(state => Directory.Delete(state, recursive: true));
        }
    }

    /// <summary>A copy's settings: the emulators, the shared PostgreSQL database, and a state folder of its own (its refresh tokens).</summary>
    private static List<KeyValuePair<string, string?>> Settings(LoopbackSystems systems, string database, List<string> states)
    {
        var state = Path.Combine(Path.GetTempPath(), "sesamtalk-multi-" + Guid.NewGuid().ToString("N"));
        states.Add(state);
        return
        [
            .. systems.Settings(),
            new("state", state),
            new(HostStorage.LinkStoreSection + ":Provider", "PostgreSql"),
            new(HostStorage.LinkStoreSection + ":ConnectionString", database),
        ];
    }

    /// <summary>Opens the webshop as the job does (its database created with the demo data) and adds the test's customers.</summary>
    private static async Task SeedWebshopAsync(List<KeyValuePair<string, string?>> settings, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var state = configuration["state"]!;
        Directory.CreateDirectory(state);
        // Opening the webshop sets the static standard price book that other tests' hosts in this process sync with.
        await using var webshop = await PricebookGate.RunAsync(null, () => WebshopHost.OpenAsync(configuration, state, NullLoggerFactory.Instance, cancellationToken));
        await webshop.UseDbAsync(async (db, ct) =>
        {
            db.Customers.AddRange(Enumerable.Range(1, Customers).Select(i => new Customer
            {
                CustomerNumber = CustomerNumber(i),
                Name = "Multi instance customer " + i.ToString(CultureInfo.InvariantCulture),
                Email = $"buyer{i.ToString(CultureInfo.InvariantCulture)}@multi.example",
                City = "Utrecht",
                CountryCode = "NL",
            }));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>
    /// Waits until one of <paramref name="running"/> is writing a customer flow with creates in flight (its output names
    /// the flow; the link store shows its lease and open intents of that flow) and kills it with SIGKILL.
    /// </summary>
    private async Task KillOneWithCreatesInFlightAsync(List<JobInstance> running, ChannelReader<(JobInstance Instance, string Line)> lines, string database, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (instance, line) = await lines.ReadAsync(cancellationToken);
            if (instance.Killed || !line.Contains("Customwebshop Customer - ", StringComparison.Ordinal) || !line.EndsWith(": syncing", StringComparison.Ordinal))
            {
                continue;
            }

            for (var poll = 0; poll < 100; poll++)
            {
                if (await HoldsLeaseWithOpenIntentsAsync(database, instance.ProcessId, cancellationToken))
                {
                    await instance.KillAsync();
                    Assert.True(await HoldsLeaseAsync(database, instance.ProcessId, cancellationToken), "the killed instance left no lease behind");
                    output.WriteLine($"killed {instance.Name} (pid {instance.ProcessId.ToString(CultureInfo.InvariantCulture)}) after: {line.Trim()}");
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
    }

    private static Task<bool> HoldsLeaseWithOpenIntentsAsync(string database, int processId, CancellationToken cancellationToken) =>
        ExistsAsync(database, $"""
            SELECT EXISTS (SELECT 1 FROM {Webshop}.leases l JOIN {Webshop}.intents i ON i.entity = l.entity AND i.system = l.system AND i.type = l.type
                           WHERE l.owner LIKE @owner)
            """, processId, cancellationToken);

    private static Task<bool> HoldsLeaseAsync(string database, int processId, CancellationToken cancellationToken) =>
        ExistsAsync(database, $"SELECT EXISTS (SELECT 1 FROM {Webshop}.leases WHERE owner LIKE @owner)", processId, cancellationToken);

    private static async Task<bool> ExistsAsync(string database, string sql, int processId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("owner", $"{Environment.MachineName}/{processId.ToString(CultureInfo.InvariantCulture)}/%");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<string> RunToEndAsync(string name, List<KeyValuePair<string, string?>> settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var instance = JobInstance.Start(name, settings, Channel.CreateUnbounded<(JobInstance, string)>().Writer);
        var (exitCode, jobOutput, errors) = await instance.WaitAsync(cancellationToken);
        Assert.True(exitCode is 0 or 1, $"the {name} failed ({exitCode.ToString(CultureInfo.InvariantCulture)}): {errors}");
        output.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:F1} s");
        return jobOutput;
    }

    private static async Task AssertEveryCustomerOnceAsync(LoopbackSystems systems, string database, CancellationToken cancellationToken)
    {
        var expected = Enumerable.Range(1, Customers).Select(CustomerNumber).Order(StringComparer.Ordinal).ToList();
        AssertOnceEach(expected, systems.Salesforce.GetRecords("Account").Select(r => (string?)r["AccountNumber"]));
        AssertOnceEach(expected, systems.Exact.GetRecords("Accounts").Select(r => ((string?)r["Code"])?.Trim()));
        AssertOnceEach(expected, systems.Crm.GetRecords("Customer").Select(r => (string?)r.Fields["CustomerNumber"]));
        var names = Enumerable.Range(1, Customers).Select(i => "Multi instance customer " + i.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
        AssertOnceEach(names, systems.Salesforce.GetRecords("Division").Select(r => (string?)r["Name"]));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        AssertOnceEach(expected, await ReadStringsAsync(connection, $"""SELECT "CustomerNumber" FROM {Webshop}_data."Customers" """, cancellationToken));

        // The ERP's database was created by the copies starting at once: its demo contacts were saved once.
        var contacts = await ReadStringsAsync(connection, """SELECT "Email" FROM sesamtalk_customerp_data."Contacts" """, cancellationToken);
        Assert.NotEmpty(contacts);
        Assert.Equal(contacts.Distinct(StringComparer.Ordinal).Count(), contacts.Count);

        // Every customer linked once in each of its four flows, and no local or remote id twice in any flow.
        var linked = await ReadStringsAsync(connection, $"""
            SELECT l.type || ' ' || c."CustomerNumber" FROM {Webshop}.links l JOIN {Webshop}_data."Customers" c ON c."Id" = l.local_id
            WHERE l.entity = 'Customer' AND c."CustomerNumber" LIKE 'M%'
            """, cancellationToken);
        foreach (var type in new[] { "Account", "Division", "Customer", "Accounts" })
        {
            AssertOnceEach(expected, linked.Where(l => l!.StartsWith(type + " ", StringComparison.Ordinal)).Select(l => l![(type.Length + 1)..]));
        }

        // The creates the killed copies had in flight were resolved: no intent is left open.
        Assert.Empty(await ReadStringsAsync(connection, $"SELECT entity || ' ' || type || ' ' || source_id FROM {Webshop}.intents", cancellationToken));
        Assert.Empty(await ReadStringsAsync(connection, $"""
            SELECT entity || ' ' || system || ' ' || type || ' ' || local_id FROM {Webshop}.links GROUP BY entity, system, type, local_id HAVING count(*) > 1
            UNION ALL
            SELECT entity || ' ' || system || ' ' || type || ' ' || remote_id FROM {Webshop}.links GROUP BY entity, system, type, remote_id HAVING count(*) > 1
            """, cancellationToken));
    }

    private static async Task<List<string?>> ReadStringsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string?>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>The test's customers among <paramref name="keys"/>: each of <paramref name="expected"/> exactly once.</summary>
    private static void AssertOnceEach(List<string> expected, IEnumerable<string?> keys) =>
        Assert.Equal(expected, keys.OfType<string>().Where(key => expected.BinarySearch(key, StringComparer.Ordinal) >= 0).Order(StringComparer.Ordinal).ToList());

    private static int Setting(string variable, int standard) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var value) ? value : standard;

    private static string CustomerNumber(int i) => "M" + i.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The job's flow table summed: created, updated and API calls over every row.</summary>
    private static (int Created, int Updated, int ApiCalls) Figures(string jobOutput)
    {
        var rows = FlowRow().Matches(jobOutput);
        Assert.NotEmpty(rows);
        int Sum(string column) => rows.Sum(row => int.Parse(row.Groups[column].Value, CultureInfo.InvariantCulture));
        return (Sum("created"), Sum("updated"), Sum("calls"));
    }

    [GeneratedRegex(@"^\S.*?\s(?<read>\d+)\s+(?<created>\d+)\s+(?<updated>\d+)\s+(?<linked>\d+)\s+(?<conflicts>\d+)\s+(?<quarantined>\d+)\s+(?<calls>\d+)(\s+\d+/\d+)?\s*$", RegexOptions.Multiline)]
    private static partial Regex FlowRow();
}
