using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SesamTalk.Samples.Customwebshop;
using SesamTalk.Samples.SyncJob;
using SesamTalk.Samples.SyncJob.Hosts;
using SesamTalk.Tests.PostgreSql;
using Xunit.Abstractions;

namespace SesamTalk.EndToEnd.Tests.MultiInstance;

/// <summary>
/// What copies of the main job share in a multi-instance test: one PostgreSQL database (link stores and host databases),
/// the emulators on loopback, the engine settings every copy gets, and one channel of their output lines. Each copy keeps a
/// state folder of its own (its refresh tokens); the folders are deleted with the fleet.
/// </summary>
internal sealed class JobFleet : IAsyncDisposable
{
    /// <summary>The webshop's link-store schema in the shared database (its tables are in <c>{Webshop}_data</c>).</summary>
    public const string Webshop = "sesamtalk_customwebshop";

    private readonly List<string> _states = [];
    private readonly IReadOnlyList<KeyValuePair<string, string?>> _engine;

    private JobFleet(string database, LoopbackSystems systems, IReadOnlyList<KeyValuePair<string, string?>> engine)
    {
        Database = database;
        Systems = systems;
        _engine = engine;
    }

    /// <summary>The connection string of the shared database.</summary>
    public string Database { get; }

    public LoopbackSystems Systems { get; }

    /// <summary>Every line the copies started with <see cref="Start"/> print, with the copy that printed it.</summary>
    public Channel<(JobInstance Instance, string Line)> Lines { get; } = Channel.CreateUnbounded<(JobInstance, string)>();

    /// <summary>Starts the emulators on a new database of <paramref name="server"/>; <paramref name="engine"/> are
    /// <c>SesamTalk:Engine</c> settings (key below the section, value) every copy gets.</summary>
    public static async Task<JobFleet> StartAsync(PostgreSqlServer server, params (string Key, string Value)[] engine) =>
        new(await server.CreateDatabaseAsync(), await LoopbackSystems.StartAsync(),
            [.. engine.Select(setting => new KeyValuePair<string, string?>(HostContainer.EngineSection + ":" + setting.Key, setting.Value))]);

    /// <summary>The engine setting that leaves a flow out (e.g. <c>Customer/ExactOnline</c>).</summary>
    public static (string Key, string Value) Disabled(string flow) => ($"Flows:{flow}:Enabled", "false");

    /// <summary>A copy's settings: the emulators (fresh refresh tokens), the shared database, the engine settings and a new state folder.</summary>
    public List<KeyValuePair<string, string?>> Settings()
    {
        var state = Path.Combine(Path.GetTempPath(), "sesamtalk-multi-" + Guid.NewGuid().ToString("N"));
        _states.Add(state);
        return
        [
            .. Systems.Settings(),
            .. _engine,
            new("state", state),
            new(HostStorage.LinkStoreSection + ":Provider", "PostgreSql"),
            new(HostStorage.LinkStoreSection + ":ConnectionString", Database),

            // The fleet is about leases and crashes: the copies run their cycles and stop, without the live phase's
            // background sync and change notifications (which would want the systems' webhook secrets).
            new(JobSettings.NoLiveKey, "true"),
            new(HostContainer.NotificationsSection + ":Enabled", "false"),
        ];
    }

    /// <summary>Starts a copy of the job whose lines go to <see cref="Lines"/>.</summary>
    public JobInstance Start(string name) => JobInstance.Start(name, Settings(), Lines.Writer);

    /// <summary>Runs one more copy to its end (its lines not in <see cref="Lines"/>) and returns its output.</summary>
    public async Task<string> RunToEndAsync(string name, ITestOutputHelper output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var instance = JobInstance.Start(name, Settings(), Channel.CreateUnbounded<(JobInstance, string)>().Writer);
        var (exitCode, jobOutput, errors) = await instance.WaitAsync(cancellationToken);
        Assert.True(exitCode is 0 or 1, $"the {name} failed ({exitCode.ToString(CultureInfo.InvariantCulture)}): {errors}");
        output.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:F1} s, {JobOutput.Figures(jobOutput).ApiCalls} API calls");
        return jobOutput;
    }

    /// <summary>
    /// Opens the webshop as the job does (its database created with the demo data) and adds <paramref name="customers"/>
    /// customers (<see cref="SyncedCustomers.Number"/>); without <paramref name="withEmail"/> they have no e-mail address,
    /// the match key of the Customcrm flow.
    /// </summary>
    public async Task SeedWebshopAsync(int customers, bool withEmail, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();
        var state = configuration["state"]!;
        Directory.CreateDirectory(state);

        // Opening the webshop sets the static standard price book that other tests' hosts in this process sync with.
        await using var webshop = await PricebookGate.RunAsync(null, () => WebshopHost.OpenAsync(configuration, state, NullLoggerFactory.Instance, cancellationToken));
        await webshop.UseDbAsync(async (db, ct) =>
        {
            db.Customers.AddRange(Enumerable.Range(1, customers).Select(i => new Customer
            {
                CustomerNumber = SyncedCustomers.Number(i),
                Name = SyncedCustomers.Name(i),
                Email = withEmail ? $"buyer{i.ToString(CultureInfo.InvariantCulture)}@multi.example" : null,
                City = "Utrecht",
                CountryCode = "NL",
            }));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Systems.DisposeAsync();
        _states.Where(Directory.Exists).ToList().ForEach(state => Directory.Delete(state, recursive: true));
    }
}
