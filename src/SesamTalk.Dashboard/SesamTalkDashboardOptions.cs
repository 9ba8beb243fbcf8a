namespace SesamTalk.Dashboard;

/// <summary>What <see cref="SesamTalkDashboardEndpointRouteBuilderExtensions.MapSesamTalkDashboard"/> shows.</summary>
public sealed class SesamTalkDashboardOptions
{
    private readonly List<DashboardHost> _hosts = [];

    /// <summary>The title above every page.</summary>
    public string Title { get; set; } = "SesamTalk";

    /// <summary>The most rows a list page shows at once (quarantine and conflicts per flow, links of a flow); at least 1.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// The SesamTalk containers the dashboard shows, each under its name. When none is added, the dashboard shows the
    /// app's own container (the usual case: one host app with one <c>AddSesamTalk()</c>).
    /// </summary>
    public IReadOnlyList<DashboardHost> Hosts => _hosts;

    /// <summary>Adds a SesamTalk container of its own (a process that runs several host apps, each with its own engine and link store).</summary>
    /// <param name="name">The name the pages show for it, unique.</param>
    /// <param name="services">The container holding its <see cref="ISyncModel"/>, <see cref="ISyncEngine"/> and link store.</param>
    /// <returns>These options.</returns>
    public SesamTalkDashboardOptions AddHost(string name, IServiceProvider services)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(services);
        if (_hosts.Any(host => string.Equals(host.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"A host named {name} was added already.", nameof(name));
        }

        _hosts.Add(new DashboardHost(name, services));
        return this;
    }
}
