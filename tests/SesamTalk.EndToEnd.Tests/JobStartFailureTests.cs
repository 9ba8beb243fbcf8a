using SesamTalk.Samples.SyncJob;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.EndToEnd.Tests;

/// <summary>A system that refuses the job or fails at start-up ends it with exit code 3 and a message, never an unhandled exception.</summary>
[Collection(InProcessJobRuns.Name)]
public sealed class JobStartFailureTests
{
    [Fact]
    public async Task A_wrong_Salesforce_client_secret_ends_the_job_with_exit_3_and_a_message_that_names_Salesforce_and_the_settings_to_fix()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();

        var (exitCode, _, errors) = await RunAgainstAsync(salesforce, clientSecret: "not-the-secret");

        Assert.Equal(JobExitCodes.SystemRefused, exitCode);
        Assert.Contains("Salesforce refused the job's credentials at start-up", errors, StringComparison.Ordinal);
        Assert.Contains("invalid_client", errors, StringComparison.Ordinal);
        Assert.Contains("SesamTalk:Salesforce:ClientId and ClientSecret", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_org_that_shows_no_standard_price_book_ends_the_job_with_exit_3_and_says_what_to_do()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { StandardPricebook = false });

        var (exitCode, _, errors) = await RunAgainstAsync(salesforce, salesforce.ClientSecret);

        Assert.Equal(JobExitCodes.SystemRefused, exitCode);
        Assert.Contains("Salesforce shows no standard price book", errors, StringComparison.Ordinal);
        Assert.Contains("read access to price books", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Salesforce_that_fails_at_start_up_ends_the_job_with_exit_3_and_a_message_that_names_it()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        salesforce.Inject(SalesforceFault.ServerError(500).On(SalesforceEndpoint.Query).Times(1000));

        var (exitCode, _, errors) = await RunAgainstAsync(salesforce, salesforce.ClientSecret);

        Assert.Equal(JobExitCodes.SystemRefused, exitCode);
        Assert.Contains("Salesforce failed at start-up, reading the org's standard price book", errors, StringComparison.Ordinal);
    }

    /// <summary>The job with Salesforce configured to <paramref name="salesforce"/>, every other system embedded.</summary>
    private static async Task<(int ExitCode, string Output, string Errors)> RunAgainstAsync(SalesforceEmulator salesforce, string clientSecret)
    {
        var state = InProcessJob.NewState();
        try
        {
            return await InProcessJob.RunAsync(state, InProcessJob.SalesforceSettings(salesforce, clientSecret));
        }
        finally
        {
            InProcessJob.DeleteState(state);
        }
    }
}
