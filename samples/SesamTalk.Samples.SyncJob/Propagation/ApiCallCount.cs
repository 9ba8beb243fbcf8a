using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors;
using SesamTalk.Samples.SyncJob.Hosts;

namespace SesamTalk.Samples.SyncJob.Propagation;

/// <summary>
/// The API calls the hosts' connectors made while the live phase's timed rounds ran, per system (the connectors'
/// <see cref="ISyncConnector.ApiCalls"/>): what each notified edit costs, the echoes of its write and the polls included.
/// </summary>
internal sealed class ApiCallCount
{
    private readonly IReadOnlyList<IHostApp> _hosts;
    private readonly Dictionary<string, long> _before;

    private ApiCallCount(IReadOnlyList<IHostApp> hosts)
    {
        _hosts = hosts;
        _before = Calls(hosts);
    }

    /// <summary>Starts counting from the connectors' counts now.</summary>
    public static ApiCallCount Start(IReadOnlyList<IHostApp> hosts) => new(hosts);

    /// <summary>Prints the calls made since the start per system, and per edit of <paramref name="edits"/>.</summary>
    public void Write(TextWriter output, int edits)
    {
        var calls = Calls(_hosts).Select(system => (System: system.Key, Calls: system.Value - _before.GetValueOrDefault(system.Key))).OrderBy(system => system.System, StringComparer.Ordinal).ToList();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"API calls during the {edits} timed edits: {string.Join(", ", calls.Select(system => $"{system.System} {system.Calls:#,0}"))}; {calls.Sum(system => system.Calls) / (double)edits:0.0} a timed edit"));
    }

    private static Dictionary<string, long> Calls(IReadOnlyList<IHostApp> hosts) =>
        hosts.SelectMany(host => host.Services.GetServices<ISyncConnector>())
            .GroupBy(connector => connector.System, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Sum(connector => connector.ApiCalls), StringComparer.OrdinalIgnoreCase);
}
