using SesamTalk.Documentation;
using SesamTalk.Samples.Customerp.Documentation;
using SesamTalk.Samples.Customwebshop.Documentation;

namespace SesamTalk.Samples.SyncJob.Reporting;

/// <summary>
/// The 20 seed rows, read from the hosts' QA documents (which render the seeds' sections, in the seeds' order and
/// spelling), so the summary's titles are the documents' titles by construction.
/// </summary>
public static class SeedRows
{
    /// <summary>Every row, in the order of the seed documents.</summary>
    public static IReadOnlyList<SeedRow> All { get; } =
    [
        .. From(CustomwebshopDataflows.ToSalesforce),
        .. From(CustomerpDataflows.FromSalesforce),
        .. From(CustomwebshopDataflows.ToCustomcrm),
        .. From(CustomwebshopDataflows.FromSuperOffice),
        .. From(CustomwebshopDataflows.ToExactOnline),
    ];

    private static IEnumerable<SeedRow> From(DataflowDocument document) =>
        document.Sections.Zip(document.SectionTitles, (section, title) =>
        {
            // A children section's mapper is a child mapper; the flow is the section's whose mapper carries it.
            var carrier = document.Sections.FirstOrDefault(s => s.Mapper.Children.Any(child => ReferenceEquals(child.Mapper, section.Mapper)));
            var flow = new HostFlow(document.HostSystem, section.HostTypeName, (carrier ?? section).Mapper.Target);
            return new SeedRow(title, flow, carrier is null ? null : section.Mapper.Target.Type);
        });
}
