namespace SesamTalk.Dashboard;

/// <summary>One mounted dashboard: where it is and which hosts it shows (those the options name, or the app's own container).</summary>
internal sealed class DashboardSite(string prefix, SesamTalkDashboardOptions options, IServiceProvider appServices)
{
    public string Prefix { get; } = prefix.TrimEnd('/');

    public SesamTalkDashboardOptions Options => options;

    public IReadOnlyList<DashboardHost> Hosts { get; } = options.Hosts.Count > 0 ? options.Hosts : [new DashboardHost("", appServices)];
}
