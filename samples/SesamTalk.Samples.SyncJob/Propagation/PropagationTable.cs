using System.Globalization;

namespace SesamTalk.Samples.SyncJob.Propagation;

/// <summary>
/// Prints the live phase's times per flow (and so per system): how the edits arrived (by notification or by the poll),
/// how many, the median, the 95th percentile and the slowest, and those that did not arrive; then the same over every
/// notified edit.
/// </summary>
internal static class PropagationTable
{
    public static void Write(TextWriter output, IReadOnlyList<PropagationTime> times, TimeSpan polling)
    {
        var pollRoute = string.Create(CultureInfo.InvariantCulture, $"poll ({polling.TotalSeconds:0.#} s)");
        var rows = times
            .GroupBy(time => (time.Flow, time.Notified))
            .Select(group => (Label: group.Key.Flow, Route: group.Key.Notified ? "notification" : pollRoute, Times: group.ToList()))
            .ToList();
        var notified = times.Where(time => time.Notified).ToList();
        if (notified.Count > 0)
        {
            rows.Add(("Every notified edit", "notification", notified));
        }

        var width = rows.Max(row => row.Label.Length);
        output.WriteLine();
        output.WriteLine($"{"Propagation".PadRight(width)}  {"arrived by",-12} {"edits",5} {"p50 ms",7} {"p95 ms",7} {"max ms",7} {"not arrived",11}");
        output.WriteLine(new string('-', width + 56));
        foreach (var (label, route, group) in rows)
        {
            var arrived = group.Where(time => time.Arrived).Select(time => time.Milliseconds!.Value).Order().ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label.PadRight(width)}  {route,-12} {group.Count,5} {Percentile(arrived, 0.50),7} {Percentile(arrived, 0.95),7} {Percentile(arrived, 1),7} {NotArrived(group.Count - arrived.Count),11}"));
        }
    }

    /// <summary>The nearest-rank percentile of sorted times, in whole milliseconds, or a dash for none.</summary>
    private static string Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? "-" : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)]).ToString("0", CultureInfo.InvariantCulture);

    private static string NotArrived(int count) => count == 0 ? "" : count.ToString(CultureInfo.InvariantCulture) + " NOT ARRIVED";
}
