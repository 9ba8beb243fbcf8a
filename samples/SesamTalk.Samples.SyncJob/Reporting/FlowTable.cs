using System.Globalization;

namespace SesamTalk.Samples.SyncJob.Reporting;

/// <summary>
/// Prints the figures as a table: the seed rows first, in the seeds' order, then the flows that are no seed row; a flow
/// that stopped early shows the cycles that stopped and, of them, failed, and its reason under the table.
/// </summary>
internal static class FlowTable
{
    public static void Write(TextWriter output, IReadOnlyList<(string Flow, FlowFigures Figures)> rows)
    {
        var width = Math.Max(4, rows.Max(row => row.Flow.Length));
        output.WriteLine($"{"Flow".PadRight(width)}  {"read",5} {"created",7} {"updated",7} {"linked",6} {"conflicts",9} {"quarantined",11} {"API calls",9} {"stopped/failed",14}");
        output.WriteLine(new string('-', width + 77));
        foreach (var (flow, figures) in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{flow.PadRight(width)}  {figures.Read,5} {figures.Created,7} {figures.Updated,7} {figures.Linked,6} {figures.Conflicts,9} {figures.Quarantined,11} {figures.ApiCalls,9} {Stopped(figures),14}"));
        }

        StopReport.WriteFootnotes(output, rows);
    }

    private static string Stopped(FlowFigures figures) =>
        figures.Stops == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{figures.Stops}/{figures.Failures}");
}
