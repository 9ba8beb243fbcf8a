using Microsoft.EntityFrameworkCore;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.EndToEnd.Tests.RoundTrips;
using SesamTalk.Samples.SyncJob.Reporting;

namespace SesamTalk.EndToEnd.Tests;

/// <summary>
/// Every seed row's round trip (issue 6, item 5), from the table <see cref="RowRoundTrips"/>: a record born in the row's
/// source is in the target with the mapped values; an edit in the target comes back to the source; an edit in the
/// source reaches the target. (The quiet next cycle is <see cref="SeedRowTests"/>'.) Rows from a remote system into a
/// host have the remote system as their source. The edits of each kind are made together in a demo of their own.
/// </summary>
public sealed class RowRoundTripTests(ConvergedDemo converged, TargetEditedDemo targetEdited, SourceEditedDemo sourceEdited)
    : IClassFixture<ConvergedDemo>, IClassFixture<TargetEditedDemo>, IClassFixture<SourceEditedDemo>
{
    public static TheoryData<string> Rows => new(RowRoundTrips.All.Select(trip => trip.Title));

    [Fact]
    public void Every_seed_row_has_a_round_trip() =>
        Assert.Equal(SeedRows.All.Select(row => row.Title), RowRoundTrips.All.Select(trip => trip.Title));

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_record_born_in_the_source_is_in_the_target_with_the_mapped_values(string title)
    {
        var trip = RowRoundTrips.All.Single(trip => trip.Title == title);
        var pair = await trip.Find(converged, Row(title), CancellationToken.None);
        Assert.True(pair.Link.Provenance == trip.Provenance, $"{title}: {pair.Source.Name} and {pair.Target.Name} are linked {pair.Link.Provenance}, not {trip.Provenance}.");

        var source = await pair.Source.ReadAsync(CancellationToken.None);
        var target = await pair.Target.ReadAsync(CancellationToken.None);
        var wrong = new List<string>();
        foreach (var field in trip.Mapped)
        {
            var value = FieldText.Of(FieldPath.Get(source, field.Source));
            var expected = field.Convert is null ? value : await field.Convert(converged, value, CancellationToken.None);
            var actual = FieldText.Of(FieldPath.Get(target, field.Target));
            if (value is null || actual != expected)
            {
                wrong.Add($"{pair.Source.Name} {field.Source} '{value}' should be '{expected}' in {pair.Target.Name} {field.Target}, which is '{actual}'");
            }
        }

        Assert.True(wrong.Count == 0, $"{title}:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}{await RowDiagnosis.DescribeAsync(converged, Row(title), pair.Link)}");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public Task An_edit_in_the_target_comes_back_to_the_source(string title) => AssertArrivedAsync(targetEdited, title);


    [Theory]
    [MemberData(nameof(Rows))]
    public Task An_edit_in_the_source_reaches_the_target(string title) => AssertArrivedAsync(sourceEdited, title);

    /// <summary>
    /// The Invoice row links by reference: every invoice Salesforce Billing generated from a webshop order's Salesforce
    /// Order is linked to that webshop order, however long ago the order itself last changed.
    /// </summary>
    [Fact]
    public async Task Every_invoice_billed_from_a_webshop_orders_Salesforce_order_is_linked_to_that_order()
    {
        var orders = new SyncFlowId("Order", new SyncTarget("Salesforce", "Order"));
        var invoices = new SyncFlowId("Order", new SyncTarget("Salesforce", "Invoice"));
        var billed = converged.Systems.Salesforce!.GetRecords("Invoice").ToDictionary(invoice => (string)invoice["ReferenceEntityId"]!, invoice => (string)invoice["Id"]!);
        var unlinked = new List<string>();
        await foreach (var order in converged.Webshop.Links.ReadLinksAsync(orders))
        {
            var invoice = billed[order.Link.RemoteId];
            var link = await converged.Webshop.Links.FindByLocalIdAsync(invoices, order.Link.LocalId);
            if (link?.Link.RemoteId != invoice)
            {
                unlinked.Add($"webshop order {order.Link.LocalId} (Salesforce Order {order.Link.RemoteId}): invoice {invoice}, linked to '{link?.Link.RemoteId}'");
            }
        }

        Assert.True(unlinked.Count == 0, "Invoices not linked to their orders:" + Environment.NewLine + string.Join(Environment.NewLine, unlinked));
    }

    /// <summary>
    /// The Salesforce Order row's other first contact: the demo org's first order (00000101) is an order the ERP has
    /// already (same order number, the row's match key), so it is linked to it, not created a second time.
    /// </summary>
    [Fact]
    public async Task A_Salesforce_order_the_ERP_has_already_is_linked_to_it_not_created_again()
    {
        var numbered = await converged.Erp.UseDbAsync((db, ct) => db.Orders.Where(order => order.OrderNumber == "00000101").Select(order => order.Id).ToListAsync(ct), CancellationToken.None);

        Assert.True(numbered.Count == 1, $"The ERP holds {numbered.Count} orders numbered 00000101: {string.Join(", ", numbered)}.");
    }

    private static SeedRow Row(string title) => SeedRows.All.Single(row => row.Title == title);

    private static async Task AssertArrivedAsync(EditedDemo demo, string title)
    {
        var row = demo[title];
        if (row.Error is not null)
        {
            Assert.Fail($"{title}: the edit could not be made: {row.Error.Message}");
        }

        var edit = row.Edit;
        var after = FieldText.Of(FieldPath.Get(await row.Other!.ReadAsync(CancellationToken.None), edit.ArrivesAs));
        Assert.True(row.Before != edit.Expected, $"{title}: {row.Other.Name} {edit.ArrivesAs} was '{edit.Expected}' before the edit; the edit would prove nothing.");
        Assert.True(
            after == edit.Expected,
            $"{title}: {row.Edited!.Name} {edit.Field} set to {edit.Value.ToJsonString()} should reach {row.Other.Name} {edit.ArrivesAs} as '{edit.Expected}'; "
            + $"it was '{row.Before}' and is '{after}'.{await RowDiagnosis.DescribeAsync(demo.Demo, row.Row!, row.Pair!.Link)}");
    }
}
