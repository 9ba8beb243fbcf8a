using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Dashboard;
using SesamTalk.Samples.SyncJob.Hosts;

namespace SesamTalk.Samples.SyncJob;

/// <summary><c>--dashboard [URL]</c>: after its run the job serves the dashboard over both hosts' state until Ctrl+C.</summary>
internal static class JobDashboard
{
    public const string Path = "/sesamtalk";

    /// <summary>Serves the dashboard at <paramref name="url"/> until <paramref name="cancellationToken"/> is cancelled, then returns.</summary>
    public static async Task ServeAsync(string url, IReadOnlyList<IHostApp> hosts, TextWriter output, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", url] });
        builder.Logging.ClearProviders();
        builder.Services.AddSesamTalkDashboard();
        await using var app = builder.Build();
        app.MapSesamTalkDashboard(Path, options =>
        {
            foreach (var host in hosts)
            {
                options.AddHost(host.Name, host.Services);
            }
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var address in app.Urls)
        {
            output.WriteLine($"Dashboard: {address.TrimEnd('/')}{Path} (this machine only; Ctrl+C stops the job)");
        }

        // Ctrl+C or SIGTERM reaches the web host's console lifetime (which stops it) or the job's token: either ends the serving.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over: the job ends with its verdict.
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
