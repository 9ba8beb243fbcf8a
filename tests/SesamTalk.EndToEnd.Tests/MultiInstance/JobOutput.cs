using System.Globalization;
using System.Text.RegularExpressions;

namespace SesamTalk.EndToEnd.Tests.MultiInstance;

/// <summary>What a copy of the job printed: its flow table summed, and the flow cycles it ran.</summary>
internal static partial class JobOutput
{
    /// <summary>The job's flow table summed: created, updated and API calls over every row.</summary>
    public static (int Created, int Updated, int ApiCalls) Figures(string jobOutput)
    {
        var rows = FlowRow().Matches(jobOutput);
        Assert.NotEmpty(rows);
        int Sum(string column) => rows.Sum(row => int.Parse(row.Groups[column].Value, CultureInfo.InvariantCulture));
        return (Sum("created"), Sum("updated"), Sum("calls"));
    }

    /// <summary>
    /// The flow cycles the copy ran to their end, e.g. <c>Customwebshop Customer - Customcrm Customer</c> (a cycle that
    /// found the flow's lease held by another copy, or was disabled, stops before it reports progress and is not counted).
    /// </summary>
    public static List<string> FlowsRun(string jobOutput) =>
        [.. FlowDone().Matches(jobOutput).Select(match => match.Groups["flow"].Value)];

    /// <summary>The line the copy printed when it started a cycle of <paramref name="flow"/> (as in <see cref="FlowsRun"/>).</summary>
    public static bool IsSyncing(string line, string flow) =>
        line.Trim().Equals(flow + ": syncing", StringComparison.Ordinal);

    [GeneratedRegex(@"^\S.*?\s(?<read>\d+)\s+(?<created>\d+)\s+(?<updated>\d+)\s+(?<linked>\d+)\s+(?<conflicts>\d+)\s+(?<quarantined>\d+)\s+(?<calls>\d+)(\s+\d+/\d+)?\s*$", RegexOptions.Multiline)]
    private static partial Regex FlowRow();

    [GeneratedRegex(@"^\s+(?<flow>\S+ \S+ - \S+ \S+): done, \d+ processed\s*$", RegexOptions.Multiline)]
    private static partial Regex FlowDone();
}
