using SesamTalk.Connectors.LinkStore;
using SesamTalk.Samples.SyncJob.Reporting;

namespace SesamTalk.EndToEnd.Tests;

/// <summary>Every seed row, on the converged demo data: linked, nothing quarantined, and a quiet cycle writes nothing.</summary>
public sealed class SeedRowTests(ConvergedDemo demo) : IClassFixture<ConvergedDemo>
{
    public static TheoryData<string> Rows => new(SeedRows.All.Select(row => row.Title));

    [Fact]
    public void The_seed_documents_name_20_rows_and_the_job_has_a_flow_for_each()
    {
        Assert.Equal(20, SeedRows.All.Count);
        Assert.Equal(20, SeedRows.All.Select(row => row.Title).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_row_links_its_records_and_quarantines_none(string title)
    {
        var row = SeedRows.All.Single(r => r.Title == title);
        var flow = new SyncFlowId(row.Flow.Entity, row.Flow.Target);
        var links = 0;
        await foreach (var _ in demo.Host(row).Links.ReadLinksAsync(flow))
        {
            links++;
        }

        Assert.True(links > 0, $"{title}: no links");
        Assert.Equal(0, await demo.Host(row).Links.CountQuarantinedAsync(flow));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_next_cycle_of_the_row_writes_nothing(string title)
    {
        var row = SeedRows.All.Single(r => r.Title == title);
        var quiet = demo.Quiet[row.Flow];
        Assert.Equal((0, 0, 0), (quiet.Created, quiet.Updated, quiet.Conflicts));
    }
}
