using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>One sample host app as the job drives it: its own DI container, generated client and link store.</summary>
internal interface IHostApp : IAsyncDisposable
{
    /// <summary>The host's system name, as its QA documents spell it (Customwebshop, Customerp).</summary>
    string Name { get; }

    /// <summary>The host's container (its engine, link store, connectors), e.g. for the dashboard.</summary>
    IServiceProvider Services { get; }

    /// <summary>The host's link store.</summary>
    ILinkStore Links { get; }

    /// <summary>Runs one cycle of every flow of the host (the generated client's <c>SyncAllAsync</c>).</summary>
    Task<SyncReport> SyncAllAsync(IProgress<SyncProgress> progress, CancellationToken cancellationToken);
}
