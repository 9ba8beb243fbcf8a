using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>What both sample hosts share: a name, a store, and a container holding the host's generated client and link store.</summary>
/// <typeparam name="TStore">The host's SQLite store.</typeparam>
/// <typeparam name="TTalk">The host assembly's generated <c>TalkClient</c>.</typeparam>
internal abstract class HostApp<TStore, TTalk> : IHostApp
    where TTalk : class
{
    private readonly ServiceProvider _services;

    protected HostApp(string name, TStore store, ServiceProvider services)
    {
        Name = name;
        Store = store;
        _services = services;
    }

    public string Name { get; }

    public TStore Store { get; }

    public TTalk Talk => _services.GetRequiredService<TTalk>();

    public ILinkStore Links => _services.GetRequiredService<ILinkStore>();

    /// <summary>The host's container (its engine, link store, connectors), e.g. for the dashboard.</summary>
    public IServiceProvider Services => _services;

    public abstract Task<SyncReport> SyncAllAsync(IProgress<SyncProgress> progress, CancellationToken cancellationToken);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
