using Microsoft.Extensions.Configuration;
using SesamTalk.Samples.SyncJob;
using SesamTalk.Samples.SyncJob.Hosts;

namespace SesamTalk.Dashboard.Tests;

/// <summary>The main job's <c>--dashboard [URL]</c>: after the run it serves the dashboard over its hosts until stopped.</summary>
[Collection(SharedDashboardApp.Name)]
public sealed class JobDashboardTests(DashboardApp app)
{
    [Theory]
    [InlineData(new[] { "--dashboard" }, JobSettings.DefaultDashboardUrl)]
    [InlineData(new[] { "--dashboard", "--state", "dir" }, JobSettings.DefaultDashboardUrl)]
    [InlineData(new[] { "--dashboard", "http://127.0.0.1:5999" }, "http://127.0.0.1:5999")]
    [InlineData(new[] { "--state", "dir" }, null)]
    public void The_dashboard_setting_takes_the_default_url_when_none_is_given(string[] args, string? url)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(JobSettings.CompleteSwitches(args)).Build();

        Assert.Equal(url, JobSettings.From(configuration).DashboardUrl);
    }

    [Fact]
    public async Task The_job_serves_the_dashboard_over_its_hosts_until_it_is_stopped()
    {
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = JobDashboard.ServeAsync("http://127.0.0.1:0", [app.Webshop], TextWriter.Synchronized(output), stop.Token);
        var started = DateTime.UtcNow;
        while (!output.ToString().Contains("Dashboard: ", StringComparison.Ordinal) && DateTime.UtcNow - started < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        var url = output.ToString().Split(' ')[1];
        using var client = new HttpClient();
        var overview = await client.GetStringAsync(new Uri(url));
        await stop.CancelAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("data-flow=\"Customer &#x2192; Customcrm/Customer\"", overview, StringComparison.Ordinal);
        Assert.True(serving.IsCompletedSuccessfully);
    }
}
