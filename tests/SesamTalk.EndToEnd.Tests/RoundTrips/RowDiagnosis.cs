using SesamTalk.Connectors.LinkStore;
using SesamTalk.Samples.SyncJob.Reporting;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>What the row's flow recorded about a pair, for failure messages: its quarantined records and conflicts.</summary>
internal static class RowDiagnosis
{
    public static async Task<string> DescribeAsync(ConvergedDemo demo, SeedRow row, SyncLink link)
    {
        var flow = new SyncFlowId(row.Flow.Entity, row.Flow.Target);
        var links = demo.Host(row).Links;
        var quarantined = (await links.ListQuarantinedAsync(flow))
            .Where(record => !record.IsReleased && (record.RecordId == link.LocalId || record.RecordId == link.RemoteId))
            .Select(record => $"quarantined {record.Side} {record.RecordId}: {record.Error}");
        var conflicts = (await links.GetConflictsAsync(flow, link.LocalId))
            .Select(conflict => $"conflict on {conflict.Field}: host '{conflict.LocalValue}', remote '{conflict.RemoteValue}', {conflict.Winner} won");
        var lines = quarantined.Concat(conflicts).ToList();
        return lines.Count == 0 ? "" : Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
