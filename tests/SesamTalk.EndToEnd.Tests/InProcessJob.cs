using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SesamTalk.Samples.SyncJob;
using SesamTalk.Samples.SyncJob.Remote;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.EndToEnd.Tests;

/// <summary>
/// The main job run in this process through <see cref="SyncJob.RunAsync"/>, its report and errors captured. The webshop's
/// mappings read the org's standard price book from a static, so in-process runs are in a collection of their own that
/// runs alone, after the tests that sync in parallel.
/// </summary>
internal static class InProcessJob
{
    /// <summary>Runs the job with command-line style settings (<c>SesamTalk:Salesforce:LoginUrl</c> = ...).</summary>
    /// <param name="state">The <c>--state</c> directory.</param>
    /// <param name="settings">The systems' settings; every system without an endpoint runs embedded.</param>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string state, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Append(new(JobSettings.StateKey, state)))
            .Build();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await SyncJob.RunAsync(JobSettings.From(configuration), configuration, new JobConsole(output, errors, NullLoggerFactory.Instance), CancellationToken.None);
        return (exitCode, output.ToString(), errors.ToString());
    }

    /// <summary>The settings that point the job's Salesforce at <paramref name="salesforce"/>, with its secret unless another is given.</summary>
    public static KeyValuePair<string, string?>[] SalesforceSettings(SalesforceEmulator salesforce, string? clientSecret = null) =>
    [
        new(SystemSections.SalesforceEndpoint, salesforce.BaseUrl.ToString()),
        new(SystemSections.Salesforce + ":ClientId", salesforce.ClientId),
        new(SystemSections.Salesforce + ":ClientSecret", clientSecret ?? salesforce.ClientSecret),
    ];

    /// <summary>A fresh state directory; delete it with <see cref="DeleteState"/>.</summary>
    public static string NewState() => Path.Combine(Path.GetTempPath(), "sesamtalk-e2e-inproc-" + Guid.NewGuid().ToString("N"));

    /// <summary>Deletes a state directory, releasing the SQLite connections the job pooled.</summary>
    public static void DeleteState(string state)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(state))
        {
            Directory.Delete(state, recursive: true);
        }
    }
}

/// <summary>The collection of the in-process job runs: it runs alone (see <see cref="InProcessJob"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessJobRuns
{
    /// <summary>The collection's name.</summary>
    public const string Name = "In-process job";
}
